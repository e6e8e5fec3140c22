using System.Security.Cryptography;
using System.Text;

namespace Riposte.Analytics.Tests.Ingest;

public sealed class PostIngestorTests
{
    private static readonly IngestOptions NoGuessing = new() { LanguageGuesser = null, BatchSize = 3 };

    private static IEnumerable<string> AllSamples() =>
        Directory.GetFiles(TestPaths.SharedFile("data", "formats"), "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order();

    [Fact]
    public void Ingest_EverySampleFile_StoresAllPostsAndReportsSkips()
    {
        // Arrange
        using var db = new TempDatabase();

        // Act
        var summary = new PostIngestor(db.Store, NoGuessing).Ingest(AllSamples(), cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(AllSamples().Count(), summary.Files.Count);
        Assert.All(summary.Files, f => Assert.Null(f.Error));
        Assert.Equal(0, summary.Rejected);
        Assert.Equal(4, summary.Skipped); // a Telegram service message; Jetstream identity, delete and account events
        // The same posts come in several files (three X exports, Telegram via 4CAT, Bluesky search and Jetstream): 57 keys.
        Assert.Equal(57, summary.Added);
        Assert.Equal(57, db.Store.Count(PostFilter.All));
    }

    [Fact]
    public void Ingest_SameFilesAgain_AddsNothing()
    {
        // Arrange
        using var db = new TempDatabase();
        var ingestor = new PostIngestor(db.Store, NoGuessing);
        var first = ingestor.Ingest(AllSamples(), cancellationToken: TestContext.Current.CancellationToken);

        // Act
        var second = ingestor.Ingest(AllSamples(), cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(0, second.Added);
        Assert.Equal(first.Added, db.Store.Count(PostFilter.All));
        Assert.Equal(second.RecordsRead - second.Skipped, second.Unchanged + second.Updated);
    }

    [Fact]
    public void Ingest_ThenFindEvidence_GivesTheExactSourceBytesWithMatchingSha256()
    {
        // Arrange
        using var db = new TempDatabase();
        var path = Samples.PathOf("x-twitter", "twarc2-flattened.jsonl");
        new PostIngestor(db.Store, NoGuessing).Ingest([path], cancellationToken: TestContext.Current.CancellationToken);

        // Act
        var evidence = db.Store.FindEvidence("x", "1900588012345675264")!;

        // Assert
        var expectedLine = File.ReadAllLines(path)[1];
        Assert.Equal(expectedLine, Encoding.UTF8.GetString(evidence.Raw));
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(expectedLine)), evidence.Sha256);
        Assert.True(evidence.IsIntact);
        Assert.Equal("twarc2-flattened.jsonl", evidence.SourceFile);
        Assert.Equal("twarc2-flat", evidence.Format);
        Assert.Equal(2, evidence.Line);
    }

    [Fact]
    public void Ingest_JsonDocument_KeepsEachRecordsOwnBytesAsEvidence()
    {
        // Arrange
        using var db = new TempDatabase();
        new PostIngestor(db.Store, NoGuessing).Ingest([Samples.PathOf("mastodon", "timelines-tag-nordvaledam.json")], cancellationToken: TestContext.Current.CancellationToken);

        // Act
        var evidence = db.Store.FindEvidence("mastodon", "114157900998877665")!;

        // Assert
        var text = Encoding.UTF8.GetString(evidence.Raw);
        Assert.StartsWith("{", text);
        Assert.EndsWith("}", text);
        Assert.Contains("\"id\": \"114157900998877665\"", text);
        Assert.Equal("$[1]", evidence.Path);
        Assert.True(evidence.IsIntact);
    }

    [Fact]
    public void Ingest_BadRecordsAmongGoodOnes_ListsEachRejectionWithFileAndLine()
    {
        // Arrange
        using var db = new TempDatabase();
        var line = """{"id":"ID","account_id":"u1","username":"a","account_created_at":"2021-01-30T08:39:10Z","timestamp":"2024-03-01T00:00:01Z","text":"x","urls":["https://Example.org/?utm_source=a"],"hashtags":[],"mentions":[],"reply_to":null,"repost_of":null,"platform":"microblog","lang":"en"}""";
        var path = db.WriteFile("posts.ndjson", string.Join('\n', line.Replace("ID", "1", StringComparison.Ordinal), "{broken", line.Replace("ID", "2", StringComparison.Ordinal)));

        // Act
        var summary = new PostIngestor(db.Store, NoGuessing).Ingest([path], cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(2, summary.Added);
        var rejection = Assert.Single(summary.Rejections);
        Assert.Equal(new RecordLocation("posts.ndjson", 2), rejection.Location);
        Assert.Equal(["https://example.org"], db.Store.Read(PostFilter.All).First().Urls);
    }

    [Fact]
    public void Ingest_UnknownAndEmptyAndMissingFiles_ReportsEachAndReadsTheOthers()
    {
        // Arrange
        using var db = new TempDatabase();
        var unknown = db.WriteFile("notes.txt", "just some notes\nnothing to see\n");
        var empty = db.WriteFile("empty.jsonl", "");
        var missing = Path.Combine(Path.GetDirectoryName(unknown)!, "missing.json");

        // Act
        var summary = new PostIngestor(db.Store, NoGuessing).Ingest([unknown, empty, missing, Samples.PathOf("tiktok", "research-video-query.json")], cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(3, summary.FailedFiles);
        Assert.Contains("cannot recognise the format", summary.Files[0].Error);
        Assert.All(PostFormats.All, f => Assert.Contains(f.Name, summary.Files[0].Error));
        Assert.Contains("empty", summary.Files[1].Error);
        Assert.Contains("cannot open", summary.Files[2].Error);
        Assert.Equal(5, summary.Added);
    }

    [Fact]
    public void Ingest_UnknownFormatName_ThrowsListingTheFormatsBeforeReading()
    {
        // Arrange
        using var db = new TempDatabase();

        // Act
        var error = Assert.Throws<UnknownFormatException>(() => new PostIngestor(db.Store, NoGuessing).Ingest([Samples.PathOf("tiktok", "research-video-query.json")], "myspace", cancellationToken: TestContext.Current.CancellationToken));

        // Assert
        Assert.Contains("auto", error.Message);
        Assert.Contains("tiktok-research", error.Message);
    }

    [Fact]
    public void Ingest_NonSeekableStream_SniffsAndReadsIt()
    {
        // Arrange
        using var db = new TempDatabase();
        var bytes = File.ReadAllBytes(Samples.PathOf("bluesky", "jetstream-events.jsonl"));
        var input = new IngestInput("-", () => new ForwardOnlyStream(bytes));

        // Act
        var summary = new PostIngestor(db.Store, NoGuessing).Ingest([input], cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal("bluesky-jetstream", summary.Files[0].Format);
        Assert.Equal(5, summary.Added);
    }

    [Fact]
    public void Ingest_FormatWithoutLanguage_GuessesIt()
    {
        // Arrange
        using var db = new TempDatabase();
        var options = new IngestOptions { LanguageGuesser = new Riposte.Analytics.Normalisation.LinguaLanguageGuesser([Lingua.Language.English, Lingua.Language.Russian]) };

        // Act
        new PostIngestor(db.Store, options).Ingest([Samples.PathOf("tiktok", "research-video-query.json")], cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        var posts = db.Store.Read(PostFilter.All).ToDictionary(p => p.Id);
        Assert.Equal("ru", posts["7481561122334455667"].Language);
        Assert.Equal("en", posts["7481590011223344556"].Language);
    }

    [Fact]
    public void Ingest_WithProgress_ReportsEachBatch()
    {
        // Arrange
        using var db = new TempDatabase();
        var reports = new List<IngestProgress>();

        // Act
        new PostIngestor(db.Store, NoGuessing).Ingest([Samples.PathOf("x-twitter", "twarc2-flattened.jsonl")], progress: new SyncProgress(reports.Add), cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.True(reports.Count >= 3);
        Assert.Equal(7, reports[^1].RecordsRead);
    }

    [Fact]
    public void Ingest_WriterFails_ThrowsItsErrorInsteadOfBlocking()
    {
        // Arrange: one post per batch, so the producer would fill the queue behind a dead writer
        var options = NoGuessing with { BatchSize = 1 };

        // Act
        var error = Assert.Throws<IOException>(() => new PostIngestor(new FailingStore(), options)
            .Ingest([Samples.PathOf("x-twitter", "twarc2-flattened.jsonl")], cancellationToken: TestContext.Current.CancellationToken));

        // Assert
        Assert.Equal("disk full", error.Message);
    }

    private sealed class FailingStore : IPostStore
    {
        public IPostStoreWriter OpenWriter() => new FailingWriter();
        public UpsertCounts Upsert(IEnumerable<Post> posts) => throw new NotSupportedException();
        public IEnumerable<Post> Read(PostFilter filter) => [];
        public long Count(PostFilter filter) => 0;
        public Riposte.Analytics.Evidence.PostEvidence? FindEvidence(string platform, string id) => null;
    }

    private sealed class FailingWriter : IPostStoreWriter
    {
        public UpsertCounts Write(PostBatch batch) => throw new IOException("disk full");
        public void Dispose() { }
    }

    private sealed class SyncProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
