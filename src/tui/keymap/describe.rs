//! What each action does, in words: the help's sections and lines, and the footer's short
//! hints with the actions each mode hints at. Words only; the keys come from the keymap.

use super::KeyMode;
use crate::tui::action::{Action, CopyWhat};

/// The help's section and line for an action in a mode.
pub(super) fn describe(mode: KeyMode, action: &Action) -> (&'static str, &'static str) {
    (section(mode, action), text(mode, action))
}

fn section(mode: KeyMode, action: &Action) -> &'static str {
    use Action::*;
    match mode {
        KeyMode::Normal => match action {
            Up | Down | Top | Bottom | PageUp | PageDown | HalfPageUp | HalfPageDown => "Move",
            NextPane | PrevPane | PaneLeft | PaneRight | ShowTab(_) | NextTab | PrevTab => {
                "Panes and tabs"
            }
            Open | HistoryBack | HistoryForward => "Links and history",
            OpenMap | StartPath | OpenTimeline | OpenTies | OpenAnniversaries => "Views",
            ToggleBookmark | UndoBookmark | Reload | StartCopy | ExportCard | ExportList | Edit => {
                "Contacts and data"
            }
            _ => "General",
        },
        KeyMode::Search if is_editing(action) => "Editing a line",
        KeyMode::Search => "While searching",
        KeyMode::Overlay => "In this overlay",
        KeyMode::Map => "On the map (m)",
        KeyMode::Path => "How are they connected (p)",
        KeyMode::Timeline => "In the timeline (t)",
        KeyMode::Copy => "Copy (y, then)",
        KeyMode::Prompt if is_editing(action) => "Editing a line",
        KeyMode::Prompt => "Answering a prompt",
        KeyMode::Ties => "In the ties table (T)",
        KeyMode::Anniversaries => "In the anniversaries (A)",
        KeyMode::Filter => "Typing a filter",
    }
}

/// Whether an action edits a line (shared by the search line and prompts).
fn is_editing(action: &Action) -> bool {
    use Action::*;
    matches!(
        action,
        SearchBackspace
            | SearchDelete
            | SearchDeleteWord
            | SearchClearToStart
            | SearchHome
            | SearchEnd
            | SearchLeft
            | SearchRight
    )
}

fn text(mode: KeyMode, action: &Action) -> &'static str {
    use Action::*;
    match action {
        Escape if mode == KeyMode::Copy || mode == KeyMode::Prompt => "cancel",
        Open if mode == KeyMode::Prompt => "confirm",
        Escape if mode == KeyMode::Filter => "clear the filter",
        Open if mode == KeyMode::Filter => "keep the filter",
        Open if mode == KeyMode::Ties => "open the partner",
        Open if mode == KeyMode::Anniversaries => "open it",
        SearchInsert(_) if mode == KeyMode::Timeline => "jump to a year",
        Escape if matches!(mode, KeyMode::Ties | KeyMode::Anniversaries) => "back to the panes",
        Quit => "quit",
        Up => "up one row",
        Down => "down one row",
        PageUp => "up one page",
        PageDown => "down one page",
        HalfPageUp => "up half a page",
        HalfPageDown => "down half a page",
        Top => "first row",
        Bottom => "last row",
        NextPane => "next pane",
        PrevPane => "previous pane",
        PaneLeft => "pane left",
        PaneRight => "pane right",
        Open if mode == KeyMode::Search => "open the result",
        Open if mode == KeyMode::Map => "open the city",
        Open if mode == KeyMode::Path || mode == KeyMode::Timeline => "open the entity",
        Escape if matches!(mode, KeyMode::Map | KeyMode::Path | KeyMode::Timeline) => {
            "back to the panes"
        }
        HistoryBack if mode != KeyMode::Normal => "back",
        Open => "open / follow",
        HistoryBack => "back",
        HistoryForward => "forward",
        ShowTab(0) => "tab: All",
        ShowTab(1) => "tab: Orgs",
        ShowTab(2) => "tab: Cities",
        ShowTab(3) => "tab: People",
        ShowTab(4) => "tab: Agreements",
        ShowTab(5) => "tab: Events",
        ShowTab(6) => "tab: Bookmarks",
        ShowTab(_) => "tab: Recent",
        NextTab => "next tab",
        PrevTab => "previous tab",
        StartSearch if mode == KeyMode::Overlay => "filter the lines",
        StartSearch => "search, or just type",
        ToggleHelp => "this help",
        ToggleProblems => "problems in the data",
        Escape if mode == KeyMode::Search => "leave (2×: clear)",
        Escape if mode == KeyMode::Overlay => "close",
        Escape => "clear search / close",
        SearchInsert(_) | Paste(_) => "type",
        ToggleBookmark => "bookmark (tab 7)",
        Reload => "reload the data",
        StartCopy => "copy (then what)",
        ExportCard => "export the card as vCard",
        Edit => "edit in $EDITOR",
        ExportList if mode == KeyMode::Ties => "export as CSV",
        ExportList if mode == KeyMode::Anniversaries => "export as .ics",
        ExportList => "export the list as CSV",
        OpenTies => "ties table",
        OpenAnniversaries => "round anniversaries",
        SortNext => "sort by next column",
        SortPrev => "sort by previous",
        SortReverse => "reverse the order",
        StartFilter => "filter (country: …)",
        ToggleDistricts => "with districts' ties",
        ToggleYear => "year / next 365 days",
        NextYear => "next year",
        PrevYear => "previous year",
        other => view_text(other),
    }
}

/// What the views' and the line editor's actions do.
fn view_text(action: &Action) -> &'static str {
    use Action::*;
    match action {
        SearchBackspace => "delete back",
        SearchDelete => "delete forward",
        SearchDeleteWord => "delete a word",
        SearchClearToStart => "delete to start",
        SearchHome => "start of line",
        SearchEnd => "end of line",
        SearchLeft => "cursor left",
        SearchRight => "cursor right",
        SearchOlder => "older search / up",
        SearchNewer => "newer search / down",
        UndoBookmark => "put back a bookmark",
        Copy(CopyWhat::Address) => "address",
        Copy(CopyWhat::Phone) => "phone number",
        Copy(CopyWhat::Email) => "e-mail address",
        Copy(CopyWhat::Card) => "card or summary",
        Copy(CopyWhat::Id) => "id",
        OpenMap => "map of its cities",
        StartPath => "how connected to …?",
        OpenTimeline => "timeline, by year",
        PanLeft => "pan west",
        PanRight => "pan east",
        PanUp => "pan north",
        PanDown => "pan south",
        ZoomIn => "zoom in",
        ZoomOut => "zoom out",
        ResetView => "whole world",
        NextCity => "next city",
        NextAlternative => "next-shortest chain",
        PrevAlternative => "previous chain",
        // Internal actions and events carry no help line.
        _ => "",
    }
}

/// The actions the footer hints at in a mode, most useful first; `links` when the links
/// pane has the focus. Help and quit are not among them: the footer pins them.
pub(super) fn hinted(mode: KeyMode, links: bool) -> &'static [Action] {
    use Action::*;
    match mode {
        KeyMode::Normal if links => &[Open, HistoryBack, HistoryForward, StartSearch, NextPane],
        KeyMode::Normal => &[
            StartSearch,
            Open,
            HistoryBack,
            StartCopy,
            ExportCard,
            ToggleBookmark,
            OpenMap,
            StartPath,
            OpenTimeline,
            OpenTies,
            OpenAnniversaries,
        ],
        KeyMode::Search => &[SearchNewer, SearchOlder, Open, Escape, SearchDeleteWord],
        KeyMode::Overlay => &[Down, PageDown, StartSearch, Escape],
        KeyMode::Map => &[PanLeft, ZoomIn, ZoomOut, ResetView, NextCity, Open, Escape],
        KeyMode::Path => &[Down, NextAlternative, Open, Escape],
        KeyMode::Timeline => &[Down, PageDown, Open, Escape],
        KeyMode::Ties => &[
            Down,
            SortNext,
            SortReverse,
            StartFilter,
            Open,
            ExportList,
            Escape,
        ],
        KeyMode::Anniversaries => &[Down, ToggleYear, NextYear, Open, ExportList, Escape],
        KeyMode::Filter => &[Open, Escape, SearchDeleteWord],
        KeyMode::Copy => &[
            Copy(CopyWhat::Address),
            Copy(CopyWhat::Phone),
            Copy(CopyWhat::Email),
            Copy(CopyWhat::Card),
            Copy(CopyWhat::Id),
            Escape,
        ],
        KeyMode::Prompt => &[Open, Escape, SearchClearToStart],
    }
}

/// The footer's word or two for an action.
pub(super) fn hint_word(mode: KeyMode, action: &Action) -> &'static str {
    use Action::*;
    match action {
        Open if mode == KeyMode::Prompt => "confirm",
        Open if mode == KeyMode::Filter => "keep",
        Escape if mode == KeyMode::Filter => "clear",
        Open if mode == KeyMode::Normal => "open/follow",
        Open => "open",
        Escape if matches!(mode, KeyMode::Prompt | KeyMode::Copy) => "cancel",
        Escape if mode == KeyMode::Search => "leave",
        Escape if mode == KeyMode::Overlay => "close",
        Escape => "back",
        Down if mode == KeyMode::Path => "step",
        Down if mode == KeyMode::Overlay => "scroll",
        Down => "move",
        PageDown => "page",
        HistoryBack => "back",
        HistoryForward => "forward",
        StartSearch if mode == KeyMode::Overlay => "filter",
        StartSearch => "search",
        NextPane => "pane",
        StartCopy => "copy",
        ExportCard => "vCard",
        Edit => "edit",
        ExportList if mode == KeyMode::Anniversaries => "iCalendar",
        ExportList => "CSV",
        OpenTies => "ties",
        OpenAnniversaries => "anniversaries",
        SortNext => "sort",
        SortReverse => "reverse",
        StartFilter => "filter",
        ToggleYear => "calendar year",
        NextYear => "next year",
        ToggleBookmark => "bookmark",
        OpenMap => "map",
        StartPath => "path",
        OpenTimeline => "timeline",
        SearchDeleteWord => "erase word",
        SearchOlder => "earlier",
        SearchNewer => "move",
        SearchClearToStart => "clear",
        PanLeft => "pan",
        ZoomIn => "zoom in",
        ZoomOut => "zoom out",
        ResetView => "reset",
        NextCity => "next city",
        NextAlternative => "other chain",
        Copy(CopyWhat::Address) => "address",
        Copy(CopyWhat::Phone) => "phone",
        Copy(CopyWhat::Email) => "email",
        Copy(CopyWhat::Card) => "card",
        Copy(CopyWhat::Id) => "id",
        ToggleHelp => "help",
        Quit => "quit",
        _ => "",
    }
}
