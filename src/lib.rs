//! liaison: a terminal browser for a network of organizations, cities and their sister-city
//! ties, people, agreements and events.
//!
//! Data flows one way: RON files → [`dataset`] (read, checked, every problem located) →
//! [`graph`] (typed links both ways) and [`search`] (fuzzy ranking) → the [`cli`] commands
//! and the [`tui`] browser. The domain modules know nothing about terminals; the UI never
//! changes the domain.

pub mod anniversary;
pub mod card;
pub mod cli;
pub mod dataset;
pub mod edit;
pub mod export;
pub mod files;
pub mod geo;
pub mod graph;
pub mod model;
pub mod network;
pub mod par;
pub mod progress;
pub mod search;
pub mod summary;
pub mod text;
pub mod ties;
pub mod timeline;
pub mod tui;
