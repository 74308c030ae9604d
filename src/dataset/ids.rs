//! The id index: from an entity's id to its position, without a second copy of the ids.
//!
//! A hash table of positions, hashed by the id the position holds (foldhash, seeded per
//! process); the ids themselves stay in the entities. Half the memory of a map from owned
//! strings, and no allocation per entity.

use hashbrown::{DefaultHashBuilder, HashTable};
use std::hash::BuildHasher;

/// Positions of entities by id.
#[derive(Clone, Default)]
pub struct IdIndex {
    table: HashTable<u32>,
    hasher: DefaultHashBuilder,
}

impl std::fmt::Debug for IdIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IdIndex")
            .field("len", &self.table.len())
            .finish()
    }
}

impl IdIndex {
    /// An empty index with room for `n` ids.
    pub fn with_capacity(n: usize) -> IdIndex {
        IdIndex {
            table: HashTable::with_capacity(n),
            hasher: DefaultHashBuilder::default(),
        }
    }

    /// The position of `id`; `id_of` gives the id at a position.
    pub fn get<'a>(&self, id: &str, id_of: impl Fn(u32) -> &'a str) -> Option<u32> {
        let hash = self.hasher.hash_one(id);
        self.table.find(hash, |&i| id_of(i) == id).copied()
    }

    /// Records that `id`, not yet in the index, is at `position`.
    pub fn insert<'a>(&mut self, id: &str, position: u32, id_of: impl Fn(u32) -> &'a str) {
        let hash = self.hasher.hash_one(id);
        let hasher = &self.hasher;
        self.table
            .insert_unique(hash, position, |&i| hasher.hash_one(id_of(i)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_id_and_nothing_else() {
        let ids: Vec<String> = (0..5000).map(|i| format!("id-{i}")).collect();
        let mut index = IdIndex::with_capacity(1);
        for (i, id) in ids.iter().enumerate() {
            index.insert(id, i as u32, |j| ids[j as usize].as_str());
        }
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(index.get(id, |j| ids[j as usize].as_str()), Some(i as u32));
        }
        assert_eq!(index.get("id-5000", |j| ids[j as usize].as_str()), None);
    }
}
