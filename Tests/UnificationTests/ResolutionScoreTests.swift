import Testing
import Unification

@Suite struct ResolutionScoreTests {
    @Test func countsPairsFromTheContingencyTable() {
        // Predicted {0,1} {2,3,4}; true {0,1,2} {3,4}: pairs 4 and 4, correct (0,1) and (3,4).
        let score = PairwiseScore.compute(predicted: [1, 1, 2, 2, 2], truth: [7, 7, 7, 8, 8])
        #expect(score == PairwiseScore(truePairs: 4, predictedPairs: 4, correctPairs: 2))
        #expect(score.precision == 0.5)
        #expect(score.recall == 0.5)
        #expect(score.f1 == 0.5)
    }

    @Test func singletonsPredictNoPairs() {
        let score = PairwiseScore.compute(predicted: [0, 1, 2, 3], truth: [0, 0, 1, 1])
        #expect(score == PairwiseScore(truePairs: 2, predictedPairs: 0, correctPairs: 0))
        #expect(score.precision == 1)
        #expect(score.recall == 0)
        #expect(score.f1 == 0)
    }

    @Test func overMergingCostsPrecisionOnly() {
        let score = PairwiseScore.compute(predicted: [5, 5, 5, 5], truth: [0, 0, 1, 2])
        #expect(score == PairwiseScore(truePairs: 1, predictedPairs: 6, correctPairs: 1))
        #expect(score.recall == 1)
        #expect(score.precision == 1.0 / 6)
    }

    @Test func largeCountsStayExact() {
        let count = 100_000
        let score = PairwiseScore.compute(
            predicted: Array(repeating: 0, count: count), truth: (0..<count).map { $0 % 2 })
        #expect(score.predictedPairs == 4_999_950_000)
        #expect(score.truePairs == 2 * (50_000 * 49_999 / 2))
        #expect(score.correctPairs == score.truePairs)
    }

    @Test func labelsAreOnlyComparedForEquality() {
        let a = PairwiseScore.compute(predicted: [3, 3, 9, 1], truth: [0, 0, 0, 4])
        let b = PairwiseScore.compute(predicted: [-1, -1, 42, 0], truth: [8, 8, 8, -5])
        #expect(a == b)
        #expect(a == PairwiseScore(truePairs: 3, predictedPairs: 1, correctPairs: 1))
    }
}
