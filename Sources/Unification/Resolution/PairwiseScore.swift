/// Pairwise precision and recall of a predicted clustering against the true one, in exact integers.
///
/// A pair is two distinct records. Counts come from the contingency table of (predicted, true) cluster
/// sizes — Σ C(n, 2) over its cells, rows and columns — so no pair is ever enumerated.
public struct PairwiseScore: Hashable, Sendable {
    /// Pairs in the same true cluster.
    public let truePairs: Int
    /// Pairs in the same predicted cluster.
    public let predictedPairs: Int
    /// Pairs in the same predicted and the same true cluster.
    public let correctPairs: Int

    /// Correct pairs over predicted pairs; 1 when nothing was predicted together.
    public var precision: Double { predictedPairs == 0 ? 1 : Double(correctPairs) / Double(predictedPairs) }
    /// Correct pairs over true pairs; 1 when nothing belongs together.
    public var recall: Double { truePairs == 0 ? 1 : Double(correctPairs) / Double(truePairs) }
    /// The harmonic mean of precision and recall.
    public var f1: Double {
        let sum = precision + recall
        return sum == 0 ? 0 : 2 * precision * recall / sum
    }

    /// Wraps pair counts.
    public init(truePairs: Int, predictedPairs: Int, correctPairs: Int) {
        self.truePairs = truePairs
        self.predictedPairs = predictedPairs
        self.correctPairs = correctPairs
    }

    /// Scores `predicted` (a cluster label per record) against `truth` (a person label per record); the
    /// arrays must have the same length, and labels are compared only for equality.
    public static func compute(predicted: [Int], truth: [Int]) -> PairwiseScore {
        precondition(predicted.count == truth.count, "one predicted and one true label per record")
        // Sorting (instead of hashing) keeps memory at a few words per record for millions of records.
        var cells = zip(predicted, truth).map { Cell(predicted: $0, truth: $1) }
        cells.sort()
        return PairwiseScore(
            truePairs: pairs(inSorted: truth.sorted()), predictedPairs: pairs(inSorted: predicted.sorted()),
            correctPairs: pairs(inSorted: cells))
    }

    /// Σ C(n, 2) over the runs of equal elements of a sorted array.
    private static func pairs<Element: Equatable>(inSorted elements: [Element]) -> Int {
        var total = 0
        var run = 0
        for (position, element) in elements.enumerated() {
            run = position > 0 && elements[position - 1] == element ? run + 1 : 0
            total += run
        }
        return total
    }

    /// One cell of the contingency table.
    private struct Cell: Comparable {
        let predicted: Int
        let truth: Int

        static func < (left: Cell, right: Cell) -> Bool {
            (left.predicted, left.truth) < (right.predicted, right.truth)
        }
    }
}
