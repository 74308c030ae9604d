//! Key remaps that fight: a key given to two actions, and actions left with no key because
//! other remaps took theirs. Quit and help always keep a key (the keymap gives them a
//! fallback); the warning says which. Nothing here changes the keymap: it only reads what
//! the remaps did.

use super::locate::Strings;
use super::quoted;
use crate::dataset::Problem;
use crate::tui::keymap::{Key, KeyMode as Mode, Keymap};
use std::collections::HashMap;

/// Remaps that fight: a key given to two actions, and actions left with no key because
/// other remaps took theirs (quit and help get a fallback, said so). `remaps` are the valid
/// ones, in the order they are applied; `keymap` is the result.
pub(super) fn conflicts(
    remaps: &[(&str, &[String])],
    keymap: &Keymap,
    strings: &Strings<'_>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut holders = Holders::defaults();
    for &(action, keys) in remaps {
        let labels: Vec<String> = keys
            .iter()
            .filter_map(|k| Key::parse(k).ok().map(|k| k.label()))
            .collect();
        for (label, earlier) in holders.apply(action, &labels) {
            problems.push(Problem::error(
                strings.at(action),
                format!(
                    "key `{}` is given to both `{}` and `{action}`: `{action}` gets it \
                     (remaps apply in alphabetical order)",
                    quoted(&label),
                    quoted(earlier),
                    action = quoted(action),
                ),
            ));
        }
    }
    for (name, by) in holders.left_without_keys() {
        problems.push(Problem::warning(
            strings.at(by),
            no_key_left(name, by, keymap),
        ));
    }
    problems
}

/// Who holds each key, and each action's keys, as the remaps are applied in turn.
struct Holders<'r> {
    /// The action holding each key (by label).
    holder: HashMap<String, String>,
    /// Each action's keys (by label).
    keys_of: HashMap<String, Vec<String>>,
    /// The remap that gave each key.
    given_by: HashMap<String, &'r str>,
    /// Which remap took an action's last key.
    emptied_by: HashMap<String, &'r str>,
}

impl<'r> Holders<'r> {
    /// The keys as the default keymap gives them, before any remap.
    fn defaults() -> Holders<'r> {
        let mut holder = HashMap::new();
        let mut keys_of = HashMap::new();
        for (name, keys) in default_keys() {
            for k in &keys {
                holder.insert(k.clone(), name.clone());
            }
            keys_of.insert(name, keys);
        }
        Holders {
            holder,
            keys_of,
            given_by: HashMap::new(),
            emptied_by: HashMap::new(),
        }
    }

    /// Gives `action` the keys `labels` instead of its own, taking them from whoever held
    /// them. Returns the keys an earlier remap gave too, each with that remap.
    fn apply(&mut self, action: &'r str, labels: &[String]) -> Vec<(String, &'r str)> {
        let mut twice = Vec::new();
        for old in self
            .keys_of
            .insert(action.to_string(), labels.to_vec())
            .unwrap_or_default()
        {
            if self.holder.get(&old).is_some_and(|h| h == action) {
                self.holder.remove(&old);
            }
        }
        if labels.is_empty() {
            self.emptied_by.insert(action.to_string(), action);
        }
        for label in labels {
            if let Some(earlier) = self.given_by.insert(label.clone(), action)
                && earlier != action
            {
                twice.push((label.clone(), earlier));
            }
            if let Some(before) = self.holder.insert(label.clone(), action.to_string())
                && before != action
                && let Some(theirs) = self.keys_of.get_mut(&before)
            {
                theirs.retain(|k| k != label);
                if theirs.is_empty() {
                    self.emptied_by.insert(before, action);
                }
            }
        }
        twice
    }

    /// The actions left with no key at the end, each with the remap that took its last,
    /// sorted by name.
    fn left_without_keys(&self) -> Vec<(&str, &'r str)> {
        let mut left: Vec<(&str, &'r str)> = self
            .emptied_by
            .iter()
            .filter(|(name, _)| self.keys_of.get(*name).is_some_and(Vec::is_empty))
            .map(|(name, by)| (name.as_str(), *by))
            .collect();
        left.sort();
        left
    }
}

/// The keys each remappable action has by default, by their labels.
fn default_keys() -> Vec<(String, Vec<String>)> {
    let keymap = Keymap::default();
    Keymap::remappable()
        .into_iter()
        .filter_map(|name| {
            let action: crate::tui::action::Action = ron::from_str(&name).ok()?;
            Some((name, keymap.keys_for(Mode::Normal, &action)))
        })
        .collect()
}

/// The warning for an action `name` left with no key by the remap of `by`, with the
/// fallback key the keymap kept for it, if any.
fn no_key_left(name: &str, by: &str, keymap: &Keymap) -> String {
    let fallback = ron::from_str::<crate::tui::action::Action>(name)
        .map(|a| keymap.keys_for(Mode::Normal, &a))
        .unwrap_or_default();
    // Names as written in the file (ron accepts `"up \n"` for `up`): quoted safely.
    let (name_q, by_q) = (quoted(name), quoted(by));
    if fallback.is_empty() {
        format!("`{name_q}` has no key left after the remap of `{by_q}`")
    } else {
        format!(
            "`{name_q}` has no key left after the remap of `{by_q}`: kept {} for it, \
             so that it stays reachable",
            fallback.join(", ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;

    /// L8: a key given to two actions, and quit and help left without keys, are said, with
    /// where; quit and help keep a key.
    #[test]
    fn conflicting_remaps_are_reported_and_quit_and_help_stay_reachable() {
        let text = "(\n  keys: {\n    \"down\": [\"x\"],\n    \"up\": [\"x\"],\n    \"history_back\": [\"q\", \"Esc\", \"?\", \"F1\"],\n  },\n)";
        let (config, problems) = parse("c.ron", text);
        let said: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(
            said.contains(&"c.ron:4:5: error: key `x` is given to both `down` and `up`: `up` gets it (remaps apply in alphabetical order)".to_string()),
            "{said:#?}"
        );
        let help = said
            .iter()
            .find(|s| s.contains("`toggle_help` has no key left"))
            .expect("help");
        assert!(help.starts_with("c.ron:5:5: warning:"), "{help}");
        assert!(help.contains("kept F10 for it"), "{help}");
        let mut keymap = crate::tui::keymap::Keymap::default();
        for (action, keys) in &config.keys {
            keymap.remap(action, keys).unwrap();
        }
        use crate::tui::action::Action;
        use crate::tui::keymap::KeyMode as Mode;
        assert!(!keymap.keys_for(Mode::Normal, &Action::Quit).is_empty());
        assert!(
            !keymap
                .keys_for(Mode::Normal, &Action::ToggleHelp)
                .is_empty()
        );
        let (_, problems) = parse("c.ron", "(keys: {\"quit\": []})");
        assert_eq!(
            problems[0].to_string(),
            "c.ron:1:9: warning: `quit` has no key left after the remap of `quit`: kept Ctrl-c for it, so that it stays reachable"
        );
    }

    /// Found by the `config` fuzz target: ron reads the action `"up  \n\n"` as `up`; the name
    /// is quoted escaped in the messages about it.
    #[test]
    fn an_action_name_with_a_line_break_is_quoted_escaped() {
        let text = "(keys: {\"down\": [\"x\"], \"up  \\n\\n\": [\"x\", \"j\", \"Down\"]})";
        let (_, problems) = parse("c.ron", text);
        assert!(!problems.is_empty());
        for p in &problems {
            let said = p.to_string();
            assert!(!said.contains('\n'), "{said:?}");
        }
        assert!(
            problems
                .iter()
                .any(|p| p.message.contains("`up  \\u{a}\\u{a}`")),
            "{problems:?}"
        );
    }
}
