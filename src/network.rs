//! The loaded network: the dataset with its link graph and search index, built together.

use crate::dataset::{DataChoice, Dataset};
use crate::graph::Graph;
use crate::progress::Progress;
use crate::search::{Query, SearchIndex};

/// A dataset with everything derived from it. Built once per load; read-only afterwards.
#[derive(Debug)]
pub struct Network {
    /// The entities and the problems found loading them.
    pub data: Dataset,
    /// Links between entities.
    pub graph: Graph,
    /// The fuzzy search index.
    pub index: SearchIndex,
}

impl Network {
    /// Loads the chosen data and derives the graph and the index.
    pub fn load(choice: &DataChoice) -> Network {
        Network::load_with(choice, &crate::dataset::limits::Limits::from_env())
    }

    /// Loads the chosen data within `limits` and derives the graph and the index.
    pub fn load_with(choice: &DataChoice, limits: &crate::dataset::limits::Limits) -> Network {
        let progress = Progress::new();
        let data = Dataset::load_reporting(choice, limits, &progress);
        let net = Network::derive(data, &progress);
        progress.finish(net.data.len());
        net
    }

    /// Loads the chosen data without a word on stderr, whatever its size: for a reload
    /// while the browser owns the screen.
    pub fn load_silently(choice: &DataChoice) -> Network {
        let limits = crate::dataset::limits::Limits::from_env();
        let progress = Progress::silent();
        let data = Dataset::load_reporting(choice, &limits, &progress);
        Network::derive(data, &progress)
    }

    /// Derives the graph and the index of a dataset.
    pub fn from_dataset(data: Dataset) -> Network {
        Network::derive(data, &Progress::new())
    }

    fn derive(data: Dataset, progress: &Progress) -> Network {
        // The index sorts the names, which order each entity's links; the links are found
        // meanwhile, on other threads.
        progress.stage(&format!("indexing and linking {} entities", data.len()));
        let (index, found) = std::thread::scope(|s| {
            let finding = s.spawn(|| Graph::find_links(&data));
            let index = SearchIndex::build(&data);
            let found = finding.join().unwrap_or_else(|_| Graph::find_links(&data));
            (index, found)
        });
        progress.stage("ordering the links");
        let graph = Graph::assemble(data.len(), found, index.name_ranks());
        Network { data, graph, index }
    }

    /// The entity a user means: an exact id, else the best search hit.
    pub fn find(&self, id_or_query: &str) -> Option<usize> {
        if let Some(i) = self.data.index_of(id_or_query) {
            return Some(i);
        }
        let q = Query::parse(id_or_query);
        if q.text.is_empty() {
            return None;
        }
        self.index.search(&q, 1).first().map(|h| h.entity as usize)
    }
}
