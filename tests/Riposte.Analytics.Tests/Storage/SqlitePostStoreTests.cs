namespace Riposte.Analytics.Tests.Storage;

public sealed class SqlitePostStoreTests
{
    private static Post NewPost(string id, string created, string platform = "microblog", string? language = "en", params string[] urls) => new()
    {
        Platform = platform,
        Id = id,
        AuthorId = "u" + id,
        AuthorHandle = "handle" + id,
        CreatedAt = Samples.Utc(created),
        Text = "text " + id,
        Urls = urls,
        Hashtags = ["Tag", "Другой"],
        Language = language,
        Likes = id == "2" ? 5 : null,
    };

    [Fact]
    public void Upsert_SamePostsTwice_AddsThemOnceAndReportsUnchanged()
    {
        // Arrange
        using var db = new TempDatabase();
        Post[] posts = [NewPost("1", "2025-03-14T08:00:00Z"), NewPost("2", "2025-03-14T07:00:00Z")];

        // Act
        var first = db.Store.Upsert(posts);
        var second = db.Store.Upsert(posts);

        // Assert
        Assert.Equal(new UpsertCounts(2, 0, 0), first);
        Assert.Equal(new UpsertCounts(0, 0, 2), second);
        Assert.Equal(2, db.Store.Count(PostFilter.All));
    }

    [Fact]
    public void Upsert_ChangedPostWithSameKey_UpdatesIt()
    {
        // Arrange
        using var db = new TempDatabase();
        db.Store.Upsert([NewPost("1", "2025-03-14T08:00:00Z")]);

        // Act
        var counts = db.Store.Upsert([NewPost("1", "2025-03-14T08:00:00Z") with { Likes = 99 }]);

        // Assert
        Assert.Equal(new UpsertCounts(0, 1, 0), counts);
        Assert.Equal(99, Assert.Single(db.Store.Read(PostFilter.All)).Likes);
    }

    [Fact]
    public void Read_AllPosts_RoundTripsEveryFieldInCreatedAtOrder()
    {
        // Arrange
        using var db = new TempDatabase();
        var late = NewPost("1", "2025-03-14T08:00:00Z", urls: ["https://a.example/x", "https://b.example"]) with
        {
            AuthorCreatedAt = Samples.Utc("2020-01-01T00:00:00Z"), ReplyToId = "9", RepostOfId = "8", QuoteOfId = "7",
            Mentions = ["m1"], Reposts = 1, Replies = 2, Quotes = 3, Views = 4,
        };
        var early = NewPost("2", "2025-03-14T07:00:00Z");
        db.Store.Upsert([late, early]);

        // Act
        var read = db.Store.Read(PostFilter.All).ToList();

        // Assert
        Assert.Equal(["2", "1"], read.Select(p => p.Id));
        Assert.Equivalent(late, read[1], strict: true);
        Assert.Equivalent(early, read[0], strict: true);
        Assert.Equal(TimeSpan.Zero, read[0].CreatedAt.Offset);
    }

    [Fact]
    public void Read_WithFilters_ReturnsOnlyMatchingPosts()
    {
        // Arrange
        using var db = new TempDatabase();
        db.Store.Upsert([
            NewPost("1", "2025-03-14T06:00:00Z"),
            NewPost("2", "2025-03-14T07:00:00Z", language: "ru"),
            NewPost("3", "2025-03-14T08:00:00Z", platform: "x"),
            NewPost("4", "2025-03-14T09:00:00Z"),
        ]);

        // Act
        var window = db.Store.Read(new PostFilter { From = Samples.Utc("2025-03-14T07:00:00Z"), Until = Samples.Utc("2025-03-14T09:00:00Z") }).Select(p => p.Id);
        var platform = db.Store.Read(new PostFilter { Platform = "x" }).Select(p => p.Id);
        var language = db.Store.Read(new PostFilter { Language = "ru" }).Select(p => p.Id);

        // Assert
        Assert.Equal(["2", "3"], window);
        Assert.Equal(["3"], platform);
        Assert.Equal(["2"], language);
        Assert.Equal(3, db.Store.Count(new PostFilter { Platform = "microblog" }));
    }

    [Fact]
    public void Read_ManyPosts_StreamsWithoutMaterialisingFirst()
    {
        // Arrange
        using var db = new TempDatabase();
        db.Store.Upsert(Enumerable.Range(0, 2000).Select(i => NewPost(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "2025-03-14T06:00:00Z")));

        // Act: taking the first items must not need the rest
        var firstTwo = db.Store.Read(PostFilter.All).Take(2).Select(p => p.Id).ToList();

        // Assert
        Assert.Equal(["0", "1"], firstTwo);
    }

    [Fact]
    public void Read_WithReadAhead_GivesTheSameSequenceAsReadingOnTheCallingThread()
    {
        // Arrange
        using var db = new TempDatabase();
        db.Store.Upsert(Enumerable.Range(0, 9000).Select(i => NewPost(i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"2025-03-14T{i % 24:00}:00:00Z")));

        // Act
        var ahead = db.Store.Read(PostFilter.All).Select(p => p.Id).ToList();
        var direct = db.Store.ReadOnCallingThread(PostFilter.All).Select(p => p.Id).ToList();

        // Assert
        Assert.Equal(9000, ahead.Count);
        Assert.Equal(direct, ahead);
    }

    [Fact]
    public void Open_ExistingDatabase_KeepsPostsAndMigratesIdempotently()
    {
        // Arrange
        using var db = new TempDatabase();
        db.Store.Upsert([NewPost("1", "2025-03-14T06:00:00Z")]);

        // Act
        var reopened = new Riposte.Analytics.Storage.SqlitePostStore(db.DatabasePath);

        // Assert
        Assert.Equal(1, reopened.Count(PostFilter.All));
    }

    [Fact]
    public void FindEvidence_PostWithoutEvidence_GivesNull()
    {
        // Arrange
        using var db = new TempDatabase();
        db.Store.Upsert([NewPost("1", "2025-03-14T06:00:00Z")]);

        // Act / Assert
        Assert.Null(db.Store.FindEvidence("microblog", "1"));
        Assert.Null(db.Store.FindEvidence("microblog", "missing"));
    }
}
