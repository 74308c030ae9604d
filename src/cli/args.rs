//! Command-line arguments, defined once for parsing, help, completions and the man page.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// A terminal browser for a network of organizations, cities, sister-city ties, people,
/// agreements and events.
///
/// With no command, opens the interactive browser.
#[derive(Debug, Parser)]
#[command(
    name = "liaison",
    version,
    about,
    long_about = None,
    after_help = "Examples:\n  \
        liaison                      open the browser\n  \
        liaison show soea            a contact card\n  \
        liaison ties shanghai        a city's sister cities as a table\n  \
        liaison anniversaries        round anniversaries in the next 365 days\n\n\
        `liaison COMMAND --help` shows each command's examples."
)]
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
    #[command(after_help = "Examples:\n  \
        liaison check\n  \
        liaison check --stats\n  \
        liaison check --data ~/my-network")]
    Check {
        /// Also print a table of coverage: entities by kind, contacts, coordinates,
        /// countries, sources with a URL, ties by level.
        #[arg(long)]
        stats: bool,
    },
    /// Search by name, pinyin, abbreviation, place, phone, e-mail or website, with filters.
    #[command(after_help = "Examples:\n  \
        liaison search shangai   (typos, pinyin such as shhw, phone numbers all work)\n  \
        liaison search 'country:finland org:'\n  \
        liaison search 'region:europe tie: since:2000' --json")]
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
    #[command(after_help = "Examples:\n  \
        liaison show soea\n  \
        liaison show shanghai-espoo\n  \
        liaison show \"Xu Li\" --json")]
    Show {
        /// An id, or a query (the best match is shown).
        #[arg(required = true)]
        query: Vec<String>,
        /// Print the card as one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// How are A and B connected? The shortest chains of links between two entities.
    #[command(after_help = "Examples:\n  \
        liaison path espoo soea\n  \
        liaison path \"Pan Xiaogang\" kuopio --alternatives 3\n  \
        liaison path espoo soea --json")]
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
    #[command(after_help = "Examples:\n  \
        liaison timeline --from 1998 --to 2005\n  \
        liaison timeline --kind agreement\n  \
        liaison timeline --json > timeline.json")]
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
    #[command(after_help = "Examples:\n  \
        liaison map espoo\n  \
        liaison map shanghai --width 100 --height 30\n  \
        liaison map")]
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
    /// --all-matches); a query of filters alone (`country:finland`, `org:`) selects every
    /// entity that passes them. Without a QUERY: every organization and person (vcard, csv)
    /// or every entity (json).
    #[command(after_help = "Examples:\n  \
        liaison export soea xu-li > contacts.vcf\n  \
        liaison export country:finland > finland.vcf\n  \
        liaison export -f csv > network.csv")]
    Export {
        /// The format: vCard contact cards (organizations and people; the default), a CSV
        /// table, or the entities as JSON.
        #[arg(long, short, value_enum, default_value_t = ExportFormat::Vcard)]
        format: ExportFormat,
        /// Ids or queries; `org:` and the other kind prefixes filter by kind.
        query: Vec<String>,
        /// Export every match of each query, not only the best.
        #[arg(long)]
        all_matches: bool,
    },
    /// Round anniversaries (1st, 5th, 10th, every 5 years) of ties, agreements, foundings and
    /// recurring events, in date order: in the next 365 days, or in a calendar year.
    #[command(after_help = "Examples:\n  \
        liaison anniversaries --year 2026\n  \
        liaison anniversaries --within 90\n  \
        liaison anniversaries --year 2027 --format ics > anniversaries.ics")]
    Anniversaries {
        /// A calendar year, 1 January to 31 December (instead of the days from today).
        #[arg(long, value_name = "YEAR", conflicts_with_all = ["within", "from"])]
        year: Option<i32>,
        /// How many days ahead, today included.
        #[arg(long, value_name = "DAYS", default_value_t = 365)]
        within: u32,
        /// Count the days from this date instead of today.
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<chrono::NaiveDate>,
        /// A table, JSON, or an iCalendar file (one all-day event each) for a calendar.
        #[arg(long, short, value_enum, default_value_t = AnniversaryFormat::Table)]
        format: AnniversaryFormat,
    },
    /// The ties of a city, region or country as a table: partner, country, region, level,
    /// since, years, status, agreements, last event; official ties unless --all; sortable
    /// and filtered with the search syntax.
    #[command(after_help = "Examples:\n  \
        liaison ties shanghai\n  \
        liaison ties shanghai region:europe since:2000 --sort years --reverse\n  \
        liaison ties shanghai --format csv > shanghai-ties.csv")]
    Ties {
        /// The city, region or country: an id or a query.
        #[arg(value_name = "PLACE")]
        city: String,
        /// Filters, all of which must hold: country:NAME region:NAME level:TEXT status:active
        /// year:Y since:Y until:Y, or words of the partner's name.
        filters: Vec<String>,
        /// Sort by this column: partner, country, region, level, since, years, status,
        /// agreements, last_event.
        #[arg(long, value_name = "COLUMN")]
        sort: Option<String>,
        /// Sort in descending order.
        #[arg(long)]
        reverse: bool,
        /// Every level of tie (friendly exchange, memoranda, proposed), not only official
        /// sister cities.
        #[arg(long)]
        all: bool,
        /// With the ties of the city's districts (a `side` column says whose).
        #[arg(long)]
        districts: bool,
        /// Aligned columns, CSV (RFC 4180, every column) or JSON.
        #[arg(long, short, value_enum, default_value_t = TiesFormat::Table)]
        format: TiesFormat,
    },
    /// Open an entity in your editor ($VISUAL, $EDITOR or vi) at its file and line, then
    /// check the file again. The built-in dataset must first be copied with `liaison init`.
    #[command(after_help = "Examples:\n  \
        liaison init && liaison edit soea\n  \
        EDITOR=nano liaison edit shanghai-espoo\n  \
        VISUAL=\"code --wait\" liaison edit \"Xu Li\"")]
    Edit {
        /// An id, or a query (the best match is opened).
        #[arg(required = true)]
        query: Vec<String>,
    },
    /// Print a completion script for a shell (e.g. `liaison completions bash`).
    #[command(after_help = "Examples:\n  \
        liaison completions bash > ~/.local/share/bash-completion/completions/liaison\n  \
        liaison completions zsh > ~/.zfunc/_liaison\n  \
        liaison completions fish > ~/.config/fish/completions/liaison.fish")]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page in roff (e.g. `liaison man | man -l -`).
    #[command(after_help = "Examples:\n  \
        liaison man | man -l -\n  \
        liaison man export | man -l -")]
    Man {
        /// A command, for its own page (`liaison man export`).
        command: Option<String>,
    },
    /// Show the settings file: its path, or with --default a commented default to start from.
    #[command(after_help = "Examples:\n  \
        liaison config\n  \
        liaison config --default > ~/.config/liaison/config.ron")]
    Config {
        /// Print a commented default config.ron.
        #[arg(long)]
        default: bool,
    },
    /// Copy the built-in dataset into the data directory to start editing it.
    #[command(after_help = "Examples:\n  \
        liaison init\n  \
        liaison init --dir ~/my-network\n  \
        liaison init && liaison edit soea")]
    Init {
        /// Where to write (default: the platform data directory).
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

/// Formats of `liaison anniversaries`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AnniversaryFormat {
    /// One line each: date, years, what, name, the date celebrated.
    Table,
    /// A JSON array of {date, years, since, what, id, name}.
    Json,
    /// An iCalendar file (RFC 5545) with one all-day event each.
    Ics,
}

/// Formats of `liaison ties`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TiesFormat {
    /// Aligned columns with a header.
    Table,
    /// A CSV table (RFC 4180) with a header row and every column.
    Csv,
    /// A JSON array of the rows.
    Json,
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
