//! Where things are: the cities an entity concerns ([`focus`]), the part of the world shown
//! ([`Viewport`]) and the map widget that draws them ([`MapView`]), used by both `liaison map`
//! and the browser's map view. It reads the network; it never imports the browser (`tui`).

mod viewport;
mod widget;

pub use viewport::Viewport;
pub use widget::{CENTER, HIGHLIGHT, MapView, OTHER, RELATED};

use crate::model::Entity;
use crate::network::Network;

/// The cities to show for an entity: a `center` (the city itself, or the place of an
/// organization, agreement or event) and the `related` cities (sister cities, parties,
/// participants' cities). Only cities with coordinates are returned.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Focus {
    /// The main city, if there is one.
    pub center: Option<usize>,
    /// Other cities, without the center, in link order.
    pub related: Vec<usize>,
}

impl Focus {
    /// Every city of the focus, center first.
    pub fn all(&self) -> Vec<usize> {
        self.center
            .iter()
            .copied()
            .chain(self.related.iter().copied())
            .collect()
    }
}

/// The coordinates of a city, if it has them.
pub fn coords(net: &Network, i: usize) -> Option<(f64, f64)> {
    match net.data.entity(i) {
        Entity::City(c) => c.coordinates,
        _ => None,
    }
}

fn city_of(net: &Network, i: usize) -> Option<usize> {
    match net.data.entity(i) {
        Entity::City(_) => Some(i),
        Entity::Organization(o) => o.city.as_deref().and_then(|c| net.data.index_of(c)),
        _ => None,
    }
}

/// The cities to show on the map for the entity at `i`.
pub fn focus(net: &Network, i: usize) -> Focus {
    let ds = &net.data;
    let mut center = None;
    let mut related = Vec::new();
    let add = |c: Option<usize>, related: &mut Vec<usize>| {
        if let Some(c) = c.filter(|&c| coords(net, c).is_some())
            && !related.contains(&c)
        {
            related.push(c);
        }
    };
    match ds.entity(i) {
        Entity::City(_) => {
            center = Some(i);
            for l in net.graph.links(i) {
                if l.relation == crate::graph::Relation::SisterCity {
                    add(Some(l.target as usize), &mut related);
                }
            }
        }
        Entity::Organization(_) => {
            center = city_of(net, i);
            for l in net.graph.links(i) {
                add(city_of(net, l.target as usize), &mut related);
            }
        }
        Entity::SisterCity(t) => {
            center = ds.index_of(&t.cities.0);
            add(ds.index_of(&t.cities.1), &mut related);
        }
        Entity::Person(p) => {
            for post in &p.posts {
                add(
                    ds.index_of(&post.organization)
                        .and_then(|o| city_of(net, o)),
                    &mut related,
                );
            }
        }
        Entity::Agreement(a) => {
            center = a.place.as_deref().and_then(|c| ds.index_of(c));
            for p in &a.parties {
                add(ds.index_of(p).and_then(|x| city_of(net, x)), &mut related);
            }
        }
        Entity::Event(e) => {
            center = e.place.as_deref().and_then(|c| ds.index_of(c));
            for p in e.organizers.iter().chain(&e.participants) {
                add(ds.index_of(p).and_then(|x| city_of(net, x)), &mut related);
            }
        }
        Entity::Country(_) => {
            for l in net.graph.links(i) {
                add(city_of(net, l.target as usize), &mut related);
            }
        }
    }
    let center = center.filter(|&c| coords(net, c).is_some());
    if center.is_none() && !related.is_empty() {
        let first = related.remove(0);
        return Focus {
            center: Some(first),
            related,
        };
    }
    related.retain(|&c| Some(c) != center);
    Focus { center, related }
}
