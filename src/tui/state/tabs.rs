//! The list's tabs, as one enum with one table of names: the key number, the name the config
//! file uses, and the labels from widest to narrowest. Nothing else in the browser spells a
//! tab's name; it holds no state.

use crate::model::Kind;

/// A tab of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    /// Every entity.
    #[default]
    All,
    /// Organizations.
    Organizations,
    /// Cities.
    Cities,
    /// People.
    People,
    /// Agreements.
    Agreements,
    /// Events.
    Events,
    /// Bookmarked entities, in the order they were added.
    Bookmarks,
    /// Recently opened entities, most recent first.
    Recent,
}

/// One row of the table: the tab, its config name and its labels, widest first.
struct Names {
    tab: Tab,
    config: &'static str,
    labels: [&'static str; 4],
}

const TABLE: [Names; 8] = [
    names(Tab::All, "all", ["All", "All", "All", "A"]),
    names(
        Tab::Organizations,
        "organizations",
        ["Organizations", "Orgs", "Org", "O"],
    ),
    names(Tab::Cities, "cities", ["Cities", "Cities", "Cty", "C"]),
    names(Tab::People, "people", ["People", "People", "Ppl", "P"]),
    names(
        Tab::Agreements,
        "agreements",
        ["Agreements", "Agrmts", "Agr", "A"],
    ),
    names(Tab::Events, "events", ["Events", "Events", "Evt", "E"]),
    names(
        Tab::Bookmarks,
        "bookmarks",
        ["Bookmarks", "Bookmarks", "Bkm", "B"],
    ),
    names(Tab::Recent, "recent", ["Recent", "Recent", "Rec", "R"]),
];

const fn names(tab: Tab, config: &'static str, labels: [&'static str; 4]) -> Names {
    Names {
        tab,
        config,
        labels,
    }
}

/// The names the config's `default_tab` accepts, in tab order.
pub const CONFIG_NAMES: [&str; 8] = {
    let mut out = [""; 8];
    let mut i = 0;
    while i < 8 {
        out[i] = TABLE[i].config;
        i += 1;
    }
    out
};

/// How many entities each tab holds, in tab order.
pub type TabCounts = [usize; 8];

impl Tab {
    /// Every tab, in order (keys `1`–`8`).
    pub const ALL: [Tab; 8] = [
        Tab::All,
        Tab::Organizations,
        Tab::Cities,
        Tab::People,
        Tab::Agreements,
        Tab::Events,
        Tab::Bookmarks,
        Tab::Recent,
    ];

    /// The tab's position (0 = All).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The tab at a position, if there is one.
    pub fn from_index(i: usize) -> Option<Tab> {
        Tab::ALL.get(i).copied()
    }

    /// The tab a config names (`"cities"`).
    pub fn from_config(name: &str) -> Option<Tab> {
        TABLE.iter().find(|n| n.config == name).map(|n| n.tab)
    }

    /// The tab's name in the config file.
    pub fn config_name(self) -> &'static str {
        TABLE[self.index()].config
    }

    /// The tab's title ("Organizations").
    pub fn title(self) -> &'static str {
        TABLE[self.index()].labels[0]
    }

    /// The tab's label at a narrowness: 0 is the full title, 3 a single letter.
    pub fn label(self, narrowness: usize) -> &'static str {
        TABLE[self.index()].labels[narrowness.min(3)]
    }

    /// The kind a kind tab lists.
    pub fn kind(self) -> Option<Kind> {
        match self {
            Tab::Organizations => Some(Kind::Organization),
            Tab::Cities => Some(Kind::City),
            Tab::People => Some(Kind::Person),
            Tab::Agreements => Some(Kind::Agreement),
            Tab::Events => Some(Kind::Event),
            _ => None,
        }
    }

    /// The tab that lists one kind.
    pub fn of_kind(kind: Kind) -> Option<Tab> {
        Tab::ALL.into_iter().find(|t| t.kind() == Some(kind))
    }

    /// Whether the tab lists entities saved by the user (bookmarks, recents).
    pub fn is_personal(self) -> bool {
        matches!(self, Tab::Bookmarks | Tab::Recent)
    }

    /// Whether an entity of `kind` can be listed in this tab (bookmarks and recents aside).
    pub fn admits(self, kind: Kind) -> bool {
        self.kind().is_none_or(|k| k == kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tab_has_its_row_in_the_table_in_order() {
        for (i, tab) in Tab::ALL.into_iter().enumerate() {
            assert_eq!(tab.index(), i);
            assert_eq!(TABLE[i].tab, tab);
            assert_eq!(Tab::from_config(tab.config_name()), Some(tab));
        }
        for kind in Kind::ALL
            .into_iter()
            .filter(|k| !matches!(k, Kind::SisterCity | Kind::Country))
        {
            let tab = Tab::of_kind(kind).expect("a tab per listed kind");
            assert_eq!(tab.title(), kind.plural());
        }
    }
}
