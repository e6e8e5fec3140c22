using Riposte.Storage.Import;
using static Riposte.Storage.Tests.StixSamples;

namespace Riposte.Storage.Tests;

public sealed class SqliteStixImporterTests() : StixImporterTests(StoreUnderTest.Sqlite);

public sealed class PostgresStixImporterTests() : StixImporterTests(StoreUnderTest.Postgres);

public abstract class StixImporterTests(Func<TimeProvider?, StoreUnderTest> open) : StoreTests(open)
{
    private Task<ImportSummary> Import(string text, ImportOptions? options = null, IProgress<ImportProgress>? progress = null) =>
        new StixImporter(Temp.Store, options).ImportAsync(Utf8(text), "feed.json", progress, TestContext.Current.CancellationToken);

    [Fact]
    public async Task ImportAsync_MixedValidAndInvalid_KeepsValidAndNamesEachRejection()
    {
        // Arrange: element 1 lacks its required name; element 2 is not an object
        var missingName = Identity(2, "x");
        missingName.Json.Remove("name");
        var text = "{\"type\":\"bundle\",\"id\":\"bundle--00000000-0000-4000-8000-000000000001\",\"objects\":[\n"
            + Identity(1, "A").ToJson() + ",\n" + missingName.Json.ToJsonString() + ",\n\"oops\",\n" + Indicator(3).ToJson() + "\n]}";

        // Act
        var summary = await Import(text);

        // Assert
        Assert.Equal(2, summary.Added);
        Assert.Equal(2, summary.Rejected);
        Assert.True(summary.Completed);
        var invalid = summary.Rejections[0];
        Assert.Equal(("feed.json", 3L, 1, Id("identity", 2), "$.objects[1].name"), (invalid.File, invalid.Line, invalid.Index, invalid.Id, invalid.Path));
        Assert.Contains("name", invalid.Reason, StringComparison.Ordinal);
        var notObject = summary.Rejections[1];
        Assert.Equal((4L, 2, "$.objects[2]", "expected a JSON object, found a string"), (notObject.Line, notObject.Index, notObject.Path, notObject.Reason));
        Assert.NotNull(Temp.Store.GetLatest(Id("indicator", 3)));
    }

    [Fact]
    public async Task ImportAsync_PropertyNameTwice_RejectsOnlyThatObject()
    {
        var twice = Identity(2, "x").ToJson().Replace("\"name\":\"x\"", "\"name\":\"x\",\"name\":\"y\"", StringComparison.Ordinal);
        var text = "{\"type\":\"bundle\",\"id\":\"bundle--00000000-0000-4000-8000-000000000001\",\"objects\":[\n"
            + Identity(1, "A").ToJson() + ",\n" + twice + ",\n" + Indicator(3).ToJson() + "\n]}";

        var summary = await Import(text, new ImportOptions { KeepInvalid = true });

        Assert.Equal((2L, 1L), (summary.Added, summary.Rejected));
        var rejection = Assert.Single(summary.Rejections);
        Assert.Equal((3L, 1, Id("identity", 2), "$.objects[1]"), (rejection.Line, rejection.Index, rejection.Id, rejection.Path));
        Assert.StartsWith("not a readable JSON object:", rejection.Reason, StringComparison.Ordinal);
        Assert.Null(Temp.Store.GetLatest(Id("identity", 2)));
    }

    [Fact]
    public async Task ImportAsync_SameBundleTwice_SecondIsAllUnchanged()
    {
        var text = Bundle([.. Enumerable.Range(1, 30).Select(n => Indicator(n))]);
        await Import(text);

        var again = await Import(text);

        Assert.Equal((0L, 30L, 0L), (again.Added, again.Unchanged, again.Conflicts));
    }

    [Fact]
    public async Task ImportAsync_ChangedContentSameVersion_ReportsConflict()
    {
        await Import(Bundle(Indicator(1, name: "first")));

        var summary = await Import(Bundle(Indicator(2), Indicator(1, name: "changed")));

        Assert.Equal(1, summary.Conflicts);
        var conflict = Assert.Single(summary.ConflictDetails);
        Assert.Equal((Id("indicator", 1), "2024-01-01T00:00:00.000Z", 1, 3L), (conflict.Id, conflict.Version, conflict.Index, conflict.Line));
        Assert.Equal("first", Temp.Store.GetLatest(Id("indicator", 1))!.Object.Name);
    }

    [Fact]
    public async Task ImportAsync_ManySmallBatches_StoresAllAndReportsProgress()
    {
        var text = Bundle([.. Enumerable.Range(1, 100).Select(n => Indicator(n))]);
        var reports = new List<ImportProgress>();
        var progress = new SynchronousProgress(reports.Add);

        var summary = await Import(text, new ImportOptions { BatchSize = 7, CollectionId = "c" }, progress);

        Assert.Equal(100, summary.Added);
        Assert.Equal(100, Temp.Store.Query(new StixQuery { CollectionId = "c" }).Count());
        Assert.True(reports.Count >= 15);
        Assert.Equal(100, reports[^1].ObjectsWritten);
        Assert.Equal(text.Length, reports[^1].BytesRead);
        Assert.Equal(text.Length, summary.BytesRead);
    }

    [Fact]
    public async Task ImportAsync_BatchByteLimit_EndsBatchesBeforeTheirObjectCount()
    {
        var objects = Enumerable.Range(1, 12).Select(n => Indicator(n)).ToList();
        var perObject = objects.Max(o => o.ToUtf8Json().Length);
        var writes = new List<long>();
        var progress = new SynchronousProgress(p => writes.Add(p.ObjectsWritten));

        var summary = await Import(Bundle([.. objects]), new ImportOptions { BatchSize = 1_000, MaxBatchBytes = 3 * perObject }, progress);

        Assert.Equal(12, summary.Added);
        // Batches of three: every write but the last report adds at most three objects.
        Assert.True(writes.Count >= 4, string.Join(", ", writes));
        Assert.All(writes.Zip(writes.Skip(1)), w => Assert.InRange(w.Second - w.First, 0, 3));
    }

    [Fact]
    public async Task ImportAsync_Truncated_KeepsObjectsBeforeCutAndIsIncomplete()
    {
        var text = Bundle(Indicator(1), Indicator(2), Indicator(3));

        var summary = await Import(text[..(text.Length - 40)]);

        Assert.False(summary.Completed);
        Assert.Equal(2, summary.Added);
        var rejection = Assert.Single(summary.Rejections);
        Assert.Equal("$.objects[2]", rejection.Path);
        Assert.Equal("the input ends inside $.objects[2]: the JSON is truncated", rejection.Reason);
    }

    [Fact]
    public async Task ImportAsync_StoreFails_SurfacesTheStoreError()
    {
        var text = Bundle([.. Enumerable.Range(1, 50).Select(n => Indicator(n))]);
        var importer = new StixImporter(new FailingStore(), new ImportOptions { BatchSize = 5 });

        var error = await Assert.ThrowsAsync<IOException>(() => importer.ImportAsync(Utf8(text), "x", null, TestContext.Current.CancellationToken));

        Assert.Equal("disk full", error.Message);
    }

    [Fact]
    public async Task ImportFileAsync_File_ImportsIt()
    {
        var path = Path.Combine(Temp.Folder, "in.json");
        await File.WriteAllTextAsync(path, Bundle(Identity(1, "A")), TestContext.Current.CancellationToken);

        var summary = await new StixImporter(Temp.Store).ImportFileAsync(path, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, summary.Added);
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            lock (this)
                report(value);
        }
    }

    private sealed class FailingStore : IStixStore
    {
        public IReadOnlyList<WriteOutcome> Put(IReadOnlyList<Stix.StixObject> objects, string? collectionId = null) => throw new IOException("disk full");
        public void Migrate() { }
        public StoredObject? GetLatest(string id) => null;
        public StoredObject? GetVersion(string id, string version) => null;
        public IReadOnlyList<StoredObject> GetVersions(string id) => [];
        public IEnumerable<StoredObject> Query(StixQuery query) => [];
        public IReadOnlyList<StoredObject> GetRelationships(string id, RelationshipDirection direction = RelationshipDirection.Both) => [];
        public IReadOnlyList<StoredObject> Search(string text, int limit = 50) => [];
        public int Delete(string id, string? version = null, string? collectionId = null) => 0;
        public StoreStats Stats() => new(0, 0, new Dictionary<string, long>());
        public void Dispose() { }
    }
}
