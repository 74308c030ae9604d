//! What `update` asks the event loop to do outside the pure state: the browser's only I/O,
//! queued in [`super::App::effects`] and carried out by `tui::effects`. Pure data.

/// Something for the event loop to do outside the pure state: the only I/O of the browser.
/// Its outcome comes back to `update` as an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Save bookmarks, recents and the last place.
    SaveState,
    /// Read the data files again.
    Reload,
    /// Give the terminal back and stop until continued.
    Suspend,
    /// Give the terminal to the user's editor, open at the entity's file and line; reload
    /// after.
    Edit(crate::tui::action::EditTarget),
    /// Copy the built-in dataset as `liaison init` does, read the copy from now on, and
    /// edit the entity there.
    InitAndEdit(crate::tui::action::EditTarget),
    /// Put text on the clipboard (OSC 52); the label says what it is.
    Copy {
        /// What was copied, for the status line ("address", "phone"...).
        label: String,
        /// The plain text.
        text: String,
    },
    /// Write a new file (an exported card); never replaces one.
    WriteFile {
        /// Where, in full.
        path: std::path::PathBuf,
        /// What.
        text: String,
    },
}
