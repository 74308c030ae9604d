//! A plain-text summary of an agreement, an event or a tie, for copying (`y c` in the
//! browser): the title, the date, the parties or the place, and what it says — what a person
//! pastes into an e-mail or a note, not the whole card.
//!
//! Every value from the data is passed through [`crate::text`], so the text holds no control
//! character (a clipboard is read by terminals too). This module knows nothing about
//! terminals or clipboards; other kinds of entity have no summary here (the card serves).

use crate::dataset::Dataset;
use crate::model::Entity;
use crate::text::{clean, clean_line};

/// The summary of the entity at `i`, or `None` for an organization, city or person.
pub fn summary(ds: &Dataset, i: usize) -> Option<String> {
    let names = |ids: &[String]| -> String {
        ids.iter()
            .map(|id| {
                ds.index_of(id)
                    .map_or_else(|| id.clone(), |j| ds.display_name(j))
            })
            .map(|n| clean_line(&n).into_owned())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let place = |id: &Option<String>| id.as_ref().map(|p| names(std::slice::from_ref(p)));
    let mut lines: Vec<String> = Vec::new();
    let mut field = |label: &str, value: Option<String>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            lines.push(format!("{label}: {v}"));
        }
    };
    let (title, text) = match ds.entity(i) {
        Entity::Agreement(a) => {
            field("Signed", a.signed.as_ref().map(|d| d.to_string()));
            field("Place", place(&a.place));
            field("Parties", Some(names(&a.parties)));
            field("Signed by", Some(names(&a.signed_by)));
            field(
                "Kind",
                a.kind.as_deref().map(|k| clean_line(k).into_owned()),
            );
            field(
                "Areas",
                Some(
                    a.areas
                        .iter()
                        .map(|x| clean_line(x).into_owned())
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
            );
            (&a.title, a.summary.as_deref())
        }
        Entity::Event(e) => {
            field("Date", e.date.as_ref().map(|d| d.to_string()));
            let venue = e.venue.as_deref().map(|v| clean_line(v).into_owned());
            let at = match (place(&e.place), venue) {
                (Some(p), Some(v)) => Some(format!("{v}, {p}")),
                (p, v) => p.or(v),
            };
            field("Place", at);
            field("Organizers", Some(names(&e.organizers)));
            field("Participants", Some(names(&e.participants)));
            (&e.title, e.summary.as_deref())
        }
        Entity::SisterCity(t) => {
            let kind = t.kind.as_deref().unwrap_or("sister city");
            field("Tie", Some(clean_line(kind).into_owned()));
            field("Since", t.established.as_ref().map(|d| d.to_string()));
            field("Status", Some(t.status.as_str().to_string()));
            let title = clean_line(&ds.display_name(i)).into_owned();
            let mut out = title;
            for line in &lines {
                out.push('\n');
                out.push_str(line);
            }
            if let Some(note) = t.note.as_deref() {
                out.push_str("\n\n");
                out.push_str(&clean(note));
            }
            out.push('\n');
            return Some(out);
        }
        _ => return None,
    };
    let mut out = clean_line(title).into_owned();
    for line in &lines {
        out.push('\n');
        out.push_str(line);
    }
    if let Some(text) = text.filter(|t| !t.trim().is_empty()) {
        out.push_str("\n\n");
        out.push_str(clean(text.trim()).as_ref());
    }
    out.push('\n');
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Dataset {
        let ron = r#"[
            City(id: "shanghai", name: "Shanghai", country: "China", sources: ["t"]),
            City(id: "espoo", name: "Espoo", country: "Finland", sources: ["t"]),
            Organization(id: "soea", name: "Exchange \u{1b}[2J Association", sources: ["t"]),
            Agreement(id: "mou", title: "Memorandum", parties: ["soea", "espoo"],
                      signed: "2016-11", place: "espoo", summary: "Cooperation in trade.",
                      sources: ["t"]),
            Event(id: "forum", title: "Forum", date: "2019-11-05", place: "shanghai",
                  venue: "Expo Centre", participants: ["espoo"], sources: ["t"]),
            SisterCity(id: "tie", cities: ("shanghai", "espoo"), established: "1998-09-04",
                       sources: ["t"]),
        ]"#;
        Dataset::from_texts("test", vec![("t.ron".into(), ron.as_bytes().to_vec())])
    }

    #[test]
    fn an_agreement_summary_has_title_date_place_parties_and_text() {
        let ds = data();
        let i = ds.index_of("mou").expect("the agreement");
        assert_eq!(
            summary(&ds, i).as_deref(),
            Some(
                "Memorandum\nSigned: 2016-11\nPlace: Espoo\n\
                 Parties: Exchange \\u{1b}[2J Association, Espoo\n\nCooperation in trade.\n"
            )
        );
    }

    #[test]
    fn an_event_summary_has_its_date_venue_and_participants() {
        let ds = data();
        let i = ds.index_of("forum").expect("the event");
        assert_eq!(
            summary(&ds, i).as_deref(),
            Some("Forum\nDate: 2019-11-05\nPlace: Expo Centre, Shanghai\nParticipants: Espoo\n")
        );
    }

    #[test]
    fn a_tie_has_a_summary_and_a_city_has_none() {
        let ds = data();
        let tie = ds.index_of("tie").expect("the tie");
        let text = summary(&ds, tie).expect("a summary");
        assert!(text.starts_with("Shanghai – Espoo\n"), "{text}");
        assert!(text.contains("Since: 1998-09-04"), "{text}");
        let city = ds.index_of("espoo").expect("the city");
        assert_eq!(summary(&ds, city), None);
    }
}
