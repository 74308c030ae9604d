//! Splitting work over the cores, for the few jobs big enough to need it: reading the
//! entries of a data file, resolving links, scanning the search index.
//!
//! Scoped threads, one piece of the work each, results in order: the outcome is the same
//! as on one thread, only sooner.

use std::ops::Range;

/// Runs `work` on `0..n` cut into one piece per core (a single piece below `min`), the
/// first piece on this thread; the results in the order of the pieces.
pub fn in_parallel<R: Send>(
    n: usize,
    min: usize,
    work: impl Fn(Range<usize>) -> R + Sync,
) -> Vec<R> {
    let threads = if n < min.max(2) {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |p| p.get().min(8))
    };
    if threads <= 1 {
        return vec![work(0..n)];
    }
    let chunk = n.div_ceil(threads);
    let work = &work;
    let pieces: Vec<Range<usize>> = (0..n)
        .step_by(chunk)
        .map(|from| from..(from + chunk).min(n))
        .collect();
    std::thread::scope(|s| {
        let others: Vec<_> = pieces[1..]
            .iter()
            .map(|r| (r.clone(), s.spawn(move || work(r.clone()))))
            .collect();
        let mut out = vec![work(pieces[0].clone())];
        // A piece whose thread panicked is done again here, where the panic shows.
        out.extend(
            others
                .into_iter()
                .map(|(r, h)| h.join().unwrap_or_else(|_| work(r))),
        );
        out
    })
}

/// Frees `value` on a thread of its own: a command about to exit need not wait for a large
/// dataset to be freed piece by piece (a second at a million entities). The process may
/// end first, which frees everything at once.
pub fn drop_in_background<T: Send + 'static>(value: T) {
    // Should the thread not start, the value comes back and is dropped here.
    let _ = std::thread::Builder::new()
        .name("free".into())
        .spawn(move || drop(value));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cover_everything_once_in_order() {
        for n in [0, 1, 2, 7, 1000, 100_001] {
            let parts = in_parallel(n, 10, |r| r.collect::<Vec<_>>());
            let all: Vec<usize> = parts.into_iter().flatten().collect();
            assert_eq!(all, (0..n).collect::<Vec<_>>());
        }
    }
}
