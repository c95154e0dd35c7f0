import Testing
import Unification

@Suite struct ResolutionIncrementalTests: ResolutionFixture {
    @Test func newRecordAttachesToExistingSubject() {
        let records = [record(10, emails: ["a@x.test"]), record(11, ext: "A")]
        let resolution = ResolutionSession.resolve(records, existing: [subject(7, ext: ["A"], emails: ["a@x.test"])])
        #expect(resolution.placements == [.existing(subject: 7), .existing(subject: 7)])
        #expect(resolution.merges.isEmpty)
    }

    @Test func unmatchedRecordsFormNewSubjectsTogether() {
        let records = [
            record(12, emails: ["x@x.test"]), record(5, emails: ["x@x.test"], phones: ["75"]),
            record(9, phones: ["76"]),
        ]
        let resolution = ResolutionSession.resolve(records, existing: [subject(1, ext: ["A"], emails: ["a@x.test"])])
        #expect(resolution.placements == [.new(cluster: 5), .new(cluster: 5), .new(cluster: 9)])
        #expect(resolution.clusters == [5, 5, 9])
    }

    @Test func newRecordWithExternalIDMergesSubjectWithout() {
        // Subject 1 came without an external id; the new record ties its e-mail to person A (subject 2).
        var session = ResolutionSession()
        session.load(subject(1, emails: ["e@x.test"]))
        session.load(subject(2, ext: ["A"], phones: ["77"]))
        session.load(subject(3, ext: ["B"]))
        session.add(record(20, ext: "A", emails: ["e@x.test"]))
        let resolution = session.resolve()
        #expect(resolution.merges == [SubjectMerge(survivor: 2, absorbed: [1])])
        #expect(resolution.placements == [.existing(subject: 2)])
        // Resolving empties the session.
        #expect(session.recordCount == 0)
        #expect(session.resolve().clusters.isEmpty)
    }

    @Test func subjectWithoutExternalIDAdoptsNewExternalID() {
        let resolution = ResolutionSession.resolve(
            [record(30, ext: "C", emails: ["e@x.test"])], existing: [subject(4, emails: ["e@x.test"])])
        #expect(resolution.placements == [.existing(subject: 4)])
        #expect(resolution.merges.isEmpty)
    }

    @Test func subjectsWithDifferentExternalIDsAreNeverMerged() {
        // The e-mail is now seen with A and B: shared, so it links nothing.
        let existing = [subject(1, ext: ["A"], emails: ["home@x.test"]), subject(2, ext: ["B"])]
        let records = [record(40, ext: "B", emails: ["home@x.test"]), record(41, emails: ["home@x.test"])]
        let resolution = ResolutionSession.resolve(records, existing: existing)
        #expect(resolution.merges.isEmpty)
        #expect(resolution.placements == [.existing(subject: 2), .new(cluster: 41)])
    }

    @Test func subjectsWithoutExternalIDMergeThroughNewRecord() {
        let existing = [subject(8, emails: ["m@x.test"]), subject(3, phones: ["78"]), subject(5, phones: ["79"])]
        let records = [record(50, emails: ["m@x.test"], phones: ["78"])]
        let resolution = ResolutionSession.resolve(records, existing: existing)
        #expect(resolution.merges == [SubjectMerge(survivor: 3, absorbed: [8])])
        #expect(resolution.placements == [.existing(subject: 3)])
    }

    @Test func subjectWithTwoExternalIDsTakesRecordsOfBoth() {
        let records = [record(60, ext: "A"), record(61, ext: "B"), record(62, ext: "C")]
        let resolution = ResolutionSession.resolve(records, existing: [subject(9, ext: ["A", "B"])])
        #expect(resolution.placements == [.existing(subject: 9), .existing(subject: 9), .new(cluster: 62)])
    }
}
