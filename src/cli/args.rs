//! Command-line arguments, defined once for parsing, help, completions and the man page.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// A terminal browser for a network of organizations, cities, sister-city ties, people,
/// agreements and events.
///
/// With no command, opens the interactive browser.
#[derive(Debug, Parser)]
#[command(name = "liaison", version, about, long_about = None)]
pub struct Cli {
    /// Data to load: a .ron file or a folder of .ron files (repeatable). Overrides
    /// LIAISON_DATA and the data directory; without either, the built-in dataset is used.
    #[arg(long, global = true, value_name = "PATH")]
    pub data: Vec<PathBuf>,

    /// What to do; without a command, the browser opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the data: print every problem as PATH:LINE:COL, then a summary.
    Check,
    /// Search by name, pinyin, abbreviation, place, phone, e-mail or website, with filters.
    Search {
        /// The query: words to match and filters anywhere (`country:finland`,
        /// `region:"eastern asia"`, `year:2019`, `since:2010`, `until:2015`,
        /// `level:official|friendly|memorandum|proposed`, `org:`, `city:`, `person:`,
        /// `agreement:`, `event:`, `tie:`). Filters alone list everything that passes.
        #[arg(required = true)]
        query: Vec<String>,
        /// Only entities of this kind.
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// At most this many results [default: 20, or all for filters alone].
        #[arg(long)]
        limit: Option<usize>,
        /// Print a JSON array of {id, kind, name, score}.
        #[arg(long)]
        json: bool,
    },
    /// Show one entity's card: contact, facts and links. Takes an id or a query.
    Show {
        /// An id, or a query (the best match is shown).
        #[arg(required = true)]
        query: Vec<String>,
        /// Print the card as one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// How are A and B connected? The shortest chains of links between two entities.
    Path {
        /// The first entity: an id or a query.
        from: String,
        /// The second entity: an id or a query.
        to: String,
        /// How many chains to show, shortest first (at most 5).
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=5))]
        alternatives: u8,
        /// Print the chains as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Every dated item in date order: sister-city ties, agreements, events, foundings.
    Timeline {
        /// From this year on.
        #[arg(long, value_name = "YEAR")]
        from: Option<i32>,
        /// Up to this year.
        #[arg(long, value_name = "YEAR")]
        to: Option<i32>,
        /// Only this kind.
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// Print the items as JSON.
        #[arg(long)]
        json: bool,
    },
    /// A plain-text world map of a city and its sister cities (or of all cities).
    Map {
        /// A city (or any entity: its cities are shown), by id or query.
        city: Option<String>,
        /// Width in columns.
        #[arg(long, default_value_t = 120)]
        width: u16,
        /// Height in rows.
        #[arg(long, default_value_t = 40)]
        height: u16,
    },
    /// Export entities as vCard 4.0, CSV or JSON, to standard output.
    ///
    /// Each QUERY is an id or a search query and selects its best match (every match with
    /// --all-matches). Without a QUERY: every organization and person (vcard, csv) or every
    /// entity (json).
    Export {
        /// The format: vCard contact cards (organizations and people), a CSV table, or the
        /// entities as JSON.
        #[arg(long, short, value_enum)]
        format: ExportFormat,
        /// Ids or queries; `org:` and the other kind prefixes filter by kind.
        query: Vec<String>,
        /// Export every match of each query, not only the best.
        #[arg(long)]
        all_matches: bool,
    },
    /// Print a completion script for a shell (e.g. `liaison completions bash`).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page in roff (e.g. `liaison man | man -l -`).
    Man {
        /// A command, for its own page (`liaison man export`).
        command: Option<String>,
    },
    /// Show the settings file: its path, or with --default a commented default to start from.
    Config {
        /// Print a commented default config.ron.
        #[arg(long)]
        default: bool,
    },
    /// Copy the built-in dataset into the data directory to start editing it.
    Init {
        /// Where to write (default: the platform data directory).
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

/// Formats of `liaison export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// vCard 4.0 (RFC 6350) contact cards of organizations and people.
    Vcard,
    /// A CSV table (RFC 4180) with a header row, one row per entity.
    Csv,
    /// A JSON array of the entities, every field as in the data files.
    Json,
}

/// Entity kinds as command-line values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// Organizations.
    #[value(alias = "org")]
    Organization,
    /// Cities and regions.
    City,
    /// People.
    Person,
    /// Agreements.
    Agreement,
    /// Events.
    Event,
    /// Sister-city ties.
    #[value(alias = "tie")]
    SisterCity,
}

impl From<KindArg> for crate::model::Kind {
    fn from(k: KindArg) -> Self {
        use crate::model::Kind;
        match k {
            KindArg::Organization => Kind::Organization,
            KindArg::City => Kind::City,
            KindArg::Person => Kind::Person,
            KindArg::Agreement => Kind::Agreement,
            KindArg::Event => Kind::Event,
            KindArg::SisterCity => Kind::SisterCity,
        }
    }
}
