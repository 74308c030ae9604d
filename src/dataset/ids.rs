//! The id index: from an entity's id to its position.
//!
//! A hash table of positions (foldhash, seeded per process), hashed by the id at that
//! position, with every id copied once into one contiguous arena: a lookup compares against
//! that arena instead of chasing each entity's own string across the heap, which at a
//! million entities is most of the cost of a lookup.

use hashbrown::{DefaultHashBuilder, HashTable};
use std::hash::BuildHasher;

/// Positions of entities by id; positions are given in order, from 0.
#[derive(Clone, Default)]
pub struct IdIndex {
    table: HashTable<u32>,
    hasher: DefaultHashBuilder,
    /// Every id, one after another; id `i` ends at `ends[i]`.
    arena: String,
    ends: Vec<u32>,
}

impl std::fmt::Debug for IdIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IdIndex")
            .field("len", &self.ends.len())
            .finish()
    }
}

impl IdIndex {
    /// An empty index with room for `n` ids.
    pub fn with_capacity(n: usize) -> IdIndex {
        IdIndex {
            table: HashTable::with_capacity(n),
            hasher: DefaultHashBuilder::default(),
            arena: String::with_capacity(n * 16),
            ends: Vec::with_capacity(n),
        }
    }

    /// The id at a position.
    pub fn id(&self, i: u32) -> &str {
        let i = i as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.arena[start..self.ends[i] as usize]
    }

    /// The position of `id`.
    pub fn get(&self, id: &str) -> Option<u32> {
        let hash = self.hasher.hash_one(id);
        self.table.find(hash, |&i| self.id(i) == id).copied()
    }

    /// Adds `id`, not yet in the index, at the next position; returns that position.
    pub fn push(&mut self, id: &str) -> u32 {
        let position = self.ends.len() as u32;
        self.arena.push_str(id);
        self.ends.push(self.arena.len() as u32);
        let hash = self.hasher.hash_one(id);
        let (hasher, arena, ends) = (&self.hasher, &self.arena, &self.ends);
        let id_at = |i: u32| {
            let i = i as usize;
            let start = if i == 0 { 0 } else { ends[i - 1] as usize };
            &arena[start..ends[i] as usize]
        };
        self.table
            .insert_unique(hash, position, |&i| hasher.hash_one(id_at(i)));
        position
    }

    /// Frees the spare room.
    pub fn shrink(&mut self) {
        self.arena.shrink_to_fit();
        self.ends.shrink_to_fit();
        let (hasher, arena, ends) = (&self.hasher, &self.arena, &self.ends);
        self.table.shrink_to_fit(|&i| {
            let i = i as usize;
            let start = if i == 0 { 0 } else { ends[i - 1] as usize };
            hasher.hash_one(&arena[start..ends[i] as usize])
        });
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
            assert_eq!(index.push(id), i as u32);
        }
        index.shrink();
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(index.get(id), Some(i as u32));
            assert_eq!(index.id(i as u32), id);
        }
        assert_eq!(index.get("id-5000"), None);
        assert_eq!(index.get(""), None);
    }
}
