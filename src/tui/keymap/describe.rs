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
            OpenMap | StartPath | OpenTimeline => "Views",
            ToggleBookmark | UndoBookmark | Reload | StartCopy | ExportCard => "Contacts and data",
            _ => "General",
        },
        KeyMode::Search => "While searching",
        KeyMode::Overlay => "In this overlay",
        KeyMode::Map => "On the map (m)",
        KeyMode::Path => "How are they connected (p)",
        KeyMode::Timeline => "In the timeline (t)",
        KeyMode::Copy => "Copy (y, then)",
        KeyMode::Prompt => "Answering a prompt",
    }
}

fn text(mode: KeyMode, action: &Action) -> &'static str {
    use Action::*;
    match action {
        Escape if mode == KeyMode::Copy || mode == KeyMode::Prompt => "cancel",
        Open if mode == KeyMode::Prompt => "confirm",
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
        PaneLeft => "pane to the left",
        PaneRight => "pane to the right",
        Open if mode == KeyMode::Search => "open the selected result",
        Open if mode == KeyMode::Map => "open the highlighted city",
        Open if mode == KeyMode::Path || mode == KeyMode::Timeline => "open the selected entity",
        Escape if matches!(mode, KeyMode::Map | KeyMode::Path | KeyMode::Timeline) => {
            "back to the panes"
        }
        ToggleHelp if mode != KeyMode::Normal => "help",
        HistoryBack if mode != KeyMode::Normal => "back",
        Open => "open the selection / follow the link",
        HistoryBack => "back",
        HistoryForward => "forward",
        ShowTab(0) => "tab: All",
        ShowTab(1) => "tab: Organizations",
        ShowTab(2) => "tab: Cities",
        ShowTab(3) => "tab: People",
        ShowTab(4) => "tab: Agreements",
        ShowTab(5) => "tab: Events",
        ShowTab(6) => "tab: Bookmarks",
        ShowTab(_) => "tab: Recent",
        NextTab => "next tab",
        PrevTab => "previous tab",
        StartSearch => "search (org: city: person: agreement: event: filter)",
        ToggleHelp => "this help",
        ToggleProblems => "problems found in the data",
        Escape if mode == KeyMode::Search => "leave the search (twice: clear it)",
        Escape if mode == KeyMode::Overlay => "close",
        Escape => "clear the search / close",
        SearchInsert(_) | Paste(_) => "type",
        ToggleBookmark => "bookmark the selection (tab 7 lists bookmarks)",
        Reload => "reload the data files now",
        StartCopy => "copy: then a address, p phone, e email, c card, i id",
        ExportCard => "export the selection's card as vCard to a file",
        other => view_text(other),
    }
}

/// What the views' and the line editor's actions do.
fn view_text(action: &Action) -> &'static str {
    use Action::*;
    match action {
        SearchBackspace => "delete the character before the cursor",
        SearchDelete => "delete the character under the cursor",
        SearchDeleteWord => "delete the word before the cursor",
        SearchClearToStart => "delete to the start of the line",
        SearchHome => "start of line",
        SearchEnd => "end of line",
        SearchLeft => "cursor left",
        SearchRight => "cursor right",
        SearchOlder => "earlier search (while the query is selected), else up",
        SearchNewer => "later search (while the query is selected), else down",
        UndoBookmark => "put back the bookmark just removed",
        Copy(CopyWhat::Address) => "copy the address",
        Copy(CopyWhat::Phone) => "copy the phone number",
        Copy(CopyWhat::Email) => "copy the e-mail address",
        Copy(CopyWhat::Card) => "copy the whole contact card",
        Copy(CopyWhat::Id) => "copy the id",
        OpenMap => "world map of the selection's cities",
        StartPath => "how is the selection connected to ...?",
        OpenTimeline => "timeline of ties, agreements, events",
        PanLeft => "pan west",
        PanRight => "pan east",
        PanUp => "pan north",
        PanDown => "pan south",
        ZoomIn => "zoom in",
        ZoomOut => "zoom out",
        ResetView => "whole world",
        NextCity => "highlight the next city",
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
        ],
        KeyMode::Search => &[SearchNewer, SearchOlder, Open, Escape, SearchDeleteWord],
        KeyMode::Overlay => &[Down, PageDown, Escape],
        KeyMode::Map => &[PanLeft, ZoomIn, ZoomOut, ResetView, NextCity, Open, Escape],
        KeyMode::Path => &[Down, NextAlternative, Open, Escape],
        KeyMode::Timeline => &[Down, PageDown, Open, Escape],
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
        StartSearch => "search",
        NextPane => "pane",
        StartCopy => "copy",
        ExportCard => "vCard",
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
