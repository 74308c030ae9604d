//! Updating the map, path and timeline views. Pure, like [`super::update`].

use super::action::Action;
use super::state::{App, Cursor, LineEditor, MapState, PathPick, PathState, TimelineState, View};
use super::update::{go_to, select_link};
use crate::geo::Viewport;
use crate::geo::{coords, focus};
use crate::timeline::{Filter, items};

/// How many alternative chains the path view offers.
pub const MAX_PATHS: usize = 5;

/// Opens the world map on the selection's cities.
pub fn open_map(app: &mut App) {
    let entity = app.selected();
    let focus = entity.map(|i| focus(&app.net, i)).unwrap_or_default();
    app.view = View::Map(MapState {
        entity,
        focus,
        viewport: Viewport::default(),
        highlight: None,
    });
}

/// Starts choosing the second entity of a path with the search line.
pub fn start_path(app: &mut App) {
    let Some(from) = app.selected() else {
        app.status = Some("select an entity first".into());
        return;
    };
    app.path_pick = Some(PathPick {
        from,
        saved_query: app.search.text.clone(),
    });
    app.search = LineEditor::default();
    app.searching = true;
    app.set_focus(super::state::Pane::List);
    app.refresh_rows(None);
}

/// Finishes choosing: computes the chains and opens the path view.
pub fn finish_path(app: &mut App) {
    let Some(pick) = app.path_pick.take() else {
        return;
    };
    let to = app.selected();
    app.search = LineEditor {
        cursor: pick.saved_query.chars().count(),
        text: pick.saved_query,
    };
    app.searching = false;
    app.refresh_rows(Some(pick.from));
    let Some(to) = to else { return };
    let paths = app.net.graph.k_shortest_paths(pick.from, to, MAX_PATHS);
    app.view = View::Path(PathState {
        from: pick.from,
        to,
        paths,
        alt: 0,
        step: 0,
    });
}

/// Cancels choosing the second entity of a path.
pub fn cancel_path(app: &mut App) {
    if let Some(pick) = app.path_pick.take() {
        app.search = LineEditor {
            cursor: pick.saved_query.chars().count(),
            text: pick.saved_query,
        };
        app.searching = false;
        app.refresh_rows(Some(pick.from));
        app.status = Some("path cancelled".into());
    }
}

/// Opens the timeline, limited to the current search when one is active.
pub fn open_timeline(app: &mut App) {
    let filtered = !app.search.text.trim().is_empty();
    let list = items(
        &app.net.data,
        &Filter::default(),
        filtered.then_some(app.rows.as_slice()),
    );
    app.view = View::Timeline(TimelineState {
        items: list,
        cursor: Cursor::default(),
        filtered,
    });
}

/// The display row of timeline item `k` (a year heading precedes each year's items).
pub fn timeline_row(items: &[crate::timeline::Item], k: usize) -> usize {
    let mut years = 0;
    let mut last = None;
    for item in items.iter().take(k + 1) {
        if last != Some(item.date.year) {
            years += 1;
            last = Some(item.date.year);
        }
    }
    k + years
}

/// Rows available to the timeline list (the body less the chart and borders).
pub fn timeline_list_height(app: &App) -> usize {
    let body = app.areas.height.saturating_sub(2) as usize;
    body.saturating_sub(TIMELINE_CHART_HEIGHT as usize + 2)
}

/// Height of the per-decade chart.
pub const TIMELINE_CHART_HEIGHT: u16 = 8;

/// Opens an entity from a view: back to the panes with it selected, recorded in history.
fn open_entity(app: &mut App, target: usize) {
    app.history.back.push(app.snapshot());
    app.history.forward.clear();
    app.view = View::Main;
    go_to(app, target);
    select_link(app, 0);
}

/// Applies an action in one of the views; returns false if the action is not theirs.
pub fn update(app: &mut App, action: &Action) -> bool {
    let page = timeline_list_height(app).max(1) as isize;
    match (&mut app.view, action) {
        (View::Main, _) => return false,
        (_, Action::Escape) => app.view = View::Main,
        (View::Map(m), Action::PanLeft) => m.viewport.pan(-1.0, 0.0),
        (View::Map(m), Action::PanRight) => m.viewport.pan(1.0, 0.0),
        (View::Map(m), Action::PanUp) => m.viewport.pan(0.0, 1.0),
        (View::Map(m), Action::PanDown) => m.viewport.pan(0.0, -1.0),
        (View::Map(m), Action::ZoomIn) => m.viewport.zoom_by(2.0),
        (View::Map(m), Action::ZoomOut) => m.viewport.zoom_by(0.5),
        (View::Map(m), Action::ResetView) => {
            m.viewport = Viewport::default();
            m.highlight = None;
        }
        (View::Map(m), Action::NextCity) => {
            let all = m.focus.all();
            if all.is_empty() {
                app.status = Some("no cities with coordinates to cycle through".into());
            } else {
                let next = m.highlight.map_or(0, |h| (h + 1) % all.len());
                m.highlight = Some(next);
                let city = all[next];
                // Bring the highlighted city into view when zoomed in.
                if let Some((lat, lon)) = coords(&app.net, city) {
                    let (xb, yb) = m.viewport.bounds();
                    if lon < xb[0] || lon > xb[1] || lat < yb[0] || lat > yb[1] {
                        m.viewport.lon = lon;
                        m.viewport.lat = lat;
                    }
                }
                app.status = Some(format!(
                    "{} ({}/{}): Enter opens it",
                    app.net.data.display_name(city),
                    next + 1,
                    all.len()
                ));
            }
        }
        (View::Map(m), Action::Open) => {
            let Some(h) = m.highlight else {
                // Nothing highlighted yet: Enter starts the cycle.
                return update(app, &Action::NextCity);
            };
            let (target, viewport) = (m.focus.all().get(h).copied(), m.viewport);
            if let Some(t) = target {
                // The opened city becomes the map's subject: walk the map city by city.
                app.history.back.push(app.snapshot());
                app.history.forward.clear();
                go_to(app, t);
                open_map(app);
                if let View::Map(m2) = &mut app.view {
                    m2.viewport = viewport;
                }
            }
        }
        (View::Path(p), Action::Down) => {
            p.step = (p.step + 1).min(p.nodes().len().saturating_sub(1))
        }
        (View::Path(p), Action::Up) => p.step = p.step.saturating_sub(1),
        (View::Path(p), Action::NextAlternative | Action::PrevAlternative) => {
            let n = p.paths.len();
            if n > 1 {
                p.alt = if *action == Action::NextAlternative {
                    (p.alt + 1) % n
                } else {
                    (p.alt + n - 1) % n
                };
                p.step = p.step.min(p.nodes().len().saturating_sub(1));
            } else {
                app.status = Some("there is no other chain".into());
            }
        }
        (View::Path(p), Action::Open) => {
            if let Some(&t) = p.nodes().get(p.step) {
                open_entity(app, t as usize);
            }
        }
        (View::Timeline(t), Action::Open) => {
            if let Some(item) = t.items.get(t.cursor.selected) {
                let target = item.entity;
                open_entity(app, target);
            }
        }
        (View::Timeline(t), a) => {
            let delta = match a {
                Action::Down => 1,
                Action::Up => -1,
                Action::PageDown | Action::HalfPageDown => page,
                Action::PageUp | Action::HalfPageUp => -page,
                Action::Top => isize::MIN / 2,
                Action::Bottom => isize::MAX / 2,
                _ => return false,
            };
            let len = t.items.len();
            let target = (t.cursor.selected as isize + delta)
                .clamp(0, len.saturating_sub(1) as isize) as usize;
            t.cursor.selected = target;
            let row = timeline_row(&t.items, target);
            let h = page as usize;
            // Keep the item and, at the top, its year heading in view.
            if row.saturating_sub(1) < t.cursor.offset {
                t.cursor.offset = row.saturating_sub(1);
            } else if row >= t.cursor.offset + h {
                t.cursor.offset = row + 1 - h;
            }
        }
        _ => return false,
    }
    true
}

/// After moving in history: the map follows the selection; other views give way to the panes.
pub fn after_history(app: &mut App) {
    if let View::Map(m) = &app.view {
        let viewport = m.viewport;
        open_map(app);
        if let View::Map(m2) = &mut app.view {
            m2.viewport = viewport;
        }
    } else {
        app.view = View::Main;
    }
}
