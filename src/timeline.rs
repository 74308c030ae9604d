//! Every dated item of the network in date order: sister-city ties (named by their level:
//! "sister-city tie", "friendly-exchange tie"...), agreements, events and founding years.
//! A tie that rests on a dated agreement is left out: the agreement's item stands for the
//! document, which is listed once. Partial dates sort before fuller ones of the same period (`2019` before
//! `2019-09` before `2019-09-24`).

use crate::dataset::Dataset;
use crate::model::{Entity, Kind, PartialDate};

/// One dated item.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Item {
    /// When.
    pub date: PartialDate,
    /// The entity's index.
    #[serde(skip)]
    pub entity: usize,
    /// The entity's id.
    pub id: String,
    /// What happened: "sister-city tie", "friendly-exchange tie", "memorandum or letter of
    /// intent", "proposed tie", "agreement signed", "event", "founded".
    pub what: &'static str,
    /// The entity's display name.
    pub name: String,
}

/// Which items to list.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// From this year on.
    pub from: Option<i32>,
    /// Up to this year.
    pub to: Option<i32>,
    /// Only this kind.
    pub kind: Option<Kind>,
}

/// The dated items among `entities` (all when `None`) that pass the filter, in date order.
pub fn items(ds: &Dataset, filter: &Filter, entities: Option<&[u32]>) -> Vec<Item> {
    let mut out = Vec::new();
    let mut push = |i: usize| {
        let e = ds.entity(i);
        if filter.kind.is_some_and(|k| k != e.kind()) {
            return;
        }
        let Some(date) = e.date().filter(|d| d.is_valid()) else {
            return;
        };
        if filter.from.is_some_and(|y| date.year < y) || filter.to.is_some_and(|y| date.year > y) {
            return;
        }
        let what = match e {
            Entity::SisterCity(t) => {
                let on_agreement = t.agreement.as_deref().and_then(|a| ds.get(a));
                if matches!(on_agreement, Some(Entity::Agreement(a)) if a.signed.is_some()) {
                    return;
                }
                t.level.phrase()
            }
            Entity::Agreement(_) => "agreement signed",
            Entity::Event(_) => "event",
            Entity::Organization(_) => "founded",
            Entity::City(_) | Entity::Person(_) | Entity::Country(_) => return,
        };
        out.push(Item {
            date: date.clone(),
            entity: i,
            id: e.id().to_string(),
            what,
            name: ds.display_name(i),
        });
    };
    match entities {
        Some(list) => list.iter().for_each(|&i| push(i as usize)),
        None => (0..ds.len()).for_each(&mut push),
    }
    out.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.name.cmp(&b.name)));
    out
}

/// Items per decade, oldest first: `(1990, 12)` for the 1990s.
pub fn per_decade(items: &[Item]) -> Vec<(i32, usize)> {
    let mut out: Vec<(i32, usize)> = Vec::new();
    for item in items {
        let decade = item.date.year.div_euclid(10) * 10;
        match out.last_mut() {
            Some((d, n)) if *d == decade => *n += 1,
            _ => out.push((decade, 1)),
        }
    }
    // Show empty decades between the first and the last too.
    let mut filled = Vec::new();
    if let (Some(first), Some(last)) = (out.first(), out.last()) {
        let mut d = first.0;
        while d <= last.0 {
            filled.push((d, out.iter().find(|(x, _)| *x == d).map_or(0, |(_, n)| *n)));
            d += 10;
        }
    }
    filled
}
