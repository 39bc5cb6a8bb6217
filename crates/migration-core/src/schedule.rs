//! Independent pieces of a step (tables, mostly), run a few at a time on connections of their
//! own, each starting only once the pieces it reads are done: each statement runs on one core,
//! and one piece at a time left the other idle. Integration and validation both schedule so.

use std::future::Future;

use futures::stream::{FuturesUnordered, StreamExt};

/// How many pieces of a step run at once: two cores here, and the database server on them.
pub const AT_ONCE: usize = 2;

/// Runs pieces `0..after.len()`, at most [`AT_ONCE`] at a time, piece `i` only once every piece
/// in `after[i]` is done; ready pieces start in index order. `start(i, results)` makes piece
/// `i`'s future, given the results so far (every piece it waits for has one). Returns the
/// results in index order: `None` for a piece that never started because what it waits for
/// never finished (a cycle). The first error stops the scheduling and is returned.
pub async fn by_dependencies<T, E, F, Fut>(after: &[Vec<usize>], mut start: F) -> Result<Vec<Option<T>>, E>
where
    F: FnMut(usize, &[Option<T>]) -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    let n = after.len();
    let mut results: Vec<Option<T>> = (0..n).map(|_| None).collect();
    let mut started = vec![false; n];
    let mut running = FuturesUnordered::new();
    loop {
        for i in 0..n {
            if running.len() >= AT_ONCE {
                break;
            }
            if started[i] || !after[i].iter().all(|&j| results[j].is_some()) {
                continue;
            }
            started[i] = true;
            let piece = start(i, &results);
            running.push(async move { piece.await.map(|r| (i, r)) });
        }
        match running.next().await {
            Some(finished) => {
                let (i, r) = finished?;
                results[i] = Some(r);
            }
            None => return Ok(results),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_piece_starts_after_what_it_waits_for_and_results_keep_their_order() {
        // 2 waits for 0; 1 is free; 3 waits for 2. Each records which pieces were done before it.
        let after = vec![vec![], vec![], vec![0], vec![2]];
        let got = by_dependencies(&after, |i, done: &[Option<(usize, Vec<usize>)>]| {
            let seen: Vec<usize> = (0..done.len()).filter(|&j| done[j].is_some()).collect();
            async move { Ok::<_, ()>((i, seen)) }
        })
        .await
        .unwrap();
        let got: Vec<(usize, Vec<usize>)> = got.into_iter().map(Option::unwrap).collect();
        assert_eq!(got.iter().map(|(i, _)| *i).collect::<Vec<_>>(), vec![0, 1, 2, 3]);
        assert!(got[2].1.contains(&0), "2 started after 0: {:?}", got[2]);
        assert!(got[3].1.contains(&2), "3 started after 2: {:?}", got[3]);
    }

    #[tokio::test]
    async fn a_cycle_leaves_its_pieces_unstarted_and_an_error_stops_the_rest() {
        let after = vec![vec![], vec![2], vec![1]];
        let got = by_dependencies(&after, |i, _: &[Option<usize>]| async move { Ok::<_, ()>(i) }).await.unwrap();
        assert_eq!(got, vec![Some(0), None, None]);
        let failed = by_dependencies(&[vec![], vec![0]], |i, _: &[Option<usize>]| async move {
            if i == 0 {
                Err("piece 0 failed")
            } else {
                Ok(i)
            }
        })
        .await;
        assert_eq!(failed, Err("piece 0 failed"));
    }
}
