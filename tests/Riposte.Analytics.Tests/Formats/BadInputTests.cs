namespace Riposte.Analytics.Tests.Formats;

/// <summary>Damaged input of every format family: nothing throws, bad records are reported with their line, good ones are kept.</summary>
public sealed class BadInputTests
{
    private const string GoodLine = """{"id":"1","account_id":"u1","username":"a","account_created_at":"2021-01-30T08:39:10Z","timestamp":"2024-03-01T00:00:01Z","text":"x","urls":[],"hashtags":[],"mentions":[],"reply_to":null,"repost_of":null,"platform":"microblog","lang":"en"}""";

    [Fact]
    public void Read_JsonLinesWithMalformedTruncatedAndMissingFieldLines_RejectsEachWithItsLineAndKeepsTheRest()
    {
        // Arrange
        var text = string.Join('\n',
            GoodLine,
            "{\"id\": \"2\", \"account_id\": ",                       // truncated
            GoodLine.Replace("\"id\":\"1\"", "\"id\":\"3\"", StringComparison.Ordinal).Replace("\"timestamp\":\"2024-03-01T00:00:01Z\",", "", StringComparison.Ordinal), // missing timestamp
            "not json at all",
            "",
            GoodLine.Replace("\"id\":\"1\"", "\"id\":\"4\"", StringComparison.Ordinal));

        // Act
        var records = Samples.ReadText("microblog", text, "posts.ndjson");

        // Assert
        Assert.Equal(["1", "4"], records.Where(r => r.Post is not null).Select(r => r.Post!.Id));
        var rejected = records.Where(r => r.Kind == RecordKind.Rejected).ToList();
        Assert.Equal([2L, 3L, 4L], rejected.Select(r => r.Location.Line));
        Assert.Contains("timestamp", rejected[1].Reason);
        Assert.All(rejected, r => Assert.Equal("posts.ndjson", r.Location.File));
    }

    [Fact]
    public void Read_TwarcPageMissingAuthorId_RejectsThatTweetOnlyWithItsPath()
    {
        // Arrange
        var page = """{"data": [{"id": "1", "text": "a", "created_at": "2025-03-14T13:42:18.000Z"}, {"id": "2", "author_id": "9", "text": "b", "created_at": "2025-03-14T13:42:18.000Z"}], "includes": {}}""";

        // Act
        var records = Samples.ReadText("twarc2", page);

        // Assert
        Assert.Equal(RecordKind.Rejected, records[0].Kind);
        Assert.Equal("$.data[0]", records[0].Location.Path);
        Assert.Contains("author_id", records[0].Reason);
        Assert.Equal("2", records[1].Post!.Id);
    }

    [Fact]
    public void Read_TruncatedJsonDocument_KeepsTheRecordsBeforeTheCutAndReportsTheLine()
    {
        // Arrange
        var full = File.ReadAllText(Samples.PathOf("mastodon", "timelines-tag-nordvaledam.json"));
        var truncated = full[..(full.Length * 2 / 3)];

        // Act
        var records = Samples.ReadText("mastodon", truncated, "cut.json");

        // Assert
        var posts = records.Where(r => r.Post is not null).ToList();
        Assert.InRange(posts.Count, 2, 4);
        var error = Assert.Single(records, r => r.Kind == RecordKind.Rejected);
        Assert.True(error.Location.Line > 1);
        Assert.Contains("cut off", error.Reason);
    }

    [Fact]
    public void Read_JsonDocumentWithOneBadRecord_RejectsItAndKeepsTheOthers()
    {
        // Arrange: the second video lacks its snippet
        var json = """
            {"kind": "youtube#videoListResponse", "items": [
              {"id": "a", "snippet": {"publishedAt": "2025-03-14T08:40:11Z", "channelId": "c", "title": "t"}},
              {"id": "b"},
              {"id": "c", "snippet": {"publishedAt": "2025-03-14T08:40:11Z", "channelId": "c", "title": "t"}, "statistics": {"viewCount": "not a number"}}
            ]}
            """;

        // Act
        var records = Samples.ReadText("youtube-videos", json);

        // Assert
        Assert.Equal([RecordKind.Post, RecordKind.Rejected, RecordKind.Post], records.Select(r => r.Kind));
        Assert.Equal(3, records[1].Location.Line);
        Assert.Equal("$.items[1]", records[1].Location.Path);
        Assert.Null(records[2].Post!.Views);
    }

    [Fact]
    public void Read_WrongFormatForcedOnAJsonDocument_ReportsThatTheRecordsAreMissing()
    {
        // Arrange
        var tiktok = File.ReadAllText(Samples.PathOf("tiktok", "research-video-query.json"));

        // Act
        var records = Samples.ReadText("youtube-videos", tiktok);

        // Assert
        var error = Assert.Single(records);
        Assert.Equal(RecordKind.Rejected, error.Kind);
        Assert.Contains("does not look like a youtube-videos file", error.Reason);
    }

    [Fact]
    public void Read_WrongFormatForcedOnACsv_ReportsTheMissingColumns()
    {
        // Arrange
        var crowdTangle = File.ReadAllText(Samples.PathOf("meta", "crowdtangle-facebook-historical.csv"));

        // Act
        var records = Samples.ReadText("twarc-csv", crowdTangle);

        // Assert
        var error = Assert.Single(records);
        Assert.Contains("lacks the columns", error.Reason);
        Assert.Contains("author_id", error.Reason);
    }

    [Fact]
    public void Read_CsvWithShortRowBadDateAndUnknownZone_RejectsThoseRowsWithLines()
    {
        // Arrange
        var lines = File.ReadAllLines(Samples.PathOf("meta", "crowdtangle-facebook-historical.csv"));
        var text = string.Join('\n',
            lines[0],
            lines[1],
            "Nordvale Truth,NordvaleTruthNews,100083334445556",
            lines[2].Replace("EDT", "XYZ", StringComparison.Ordinal),
            lines[3].Replace("2025-03-14 06:30:05 EDT", "yesterday", StringComparison.Ordinal),
            lines[4]) + "\n";

        // Act
        var records = Samples.ReadText("crowdtangle", text, "ct.csv");

        // Assert
        Assert.Equal([RecordKind.Post, RecordKind.Rejected, RecordKind.Rejected, RecordKind.Rejected, RecordKind.Post], records.Select(r => r.Kind));
        Assert.Equal([3L, 4L, 5L], records.Where(r => r.Kind == RecordKind.Rejected).Select(r => r.Location.Line));
        Assert.Contains("'XYZ'", records[2].Reason);
    }

    [Fact]
    public void Read_CsvWithUnterminatedQuote_RejectsTheRestAndKeepsEarlierRows()
    {
        // Arrange
        var lines = File.ReadAllLines(Samples.PathOf("meta", "meta-content-library-facebook-posts.csv"));
        var text = string.Join('\n', lines[0], lines[1], lines[2].Replace(",Share everywhere", ",\"Share everywhere", StringComparison.Ordinal)) + "\n";

        // Act
        var records = Samples.ReadText("meta-mcl", text);

        // Assert
        Assert.Equal(RecordKind.Post, records[0].Kind);
        Assert.Contains(records.Skip(1), r => r.Kind == RecordKind.Rejected);
    }

    [Fact]
    public void Read_MalformedXml_KeepsItemsBeforeTheErrorAndReportsItsLine()
    {
        // Arrange
        var rss = File.ReadAllText(Samples.PathOf("rss-atom", "nordvale-truth.rss.xml"));
        var broken = rss.Replace("<title>Why the fact-checkers", "<title>Why <b>the fact-checkers", StringComparison.Ordinal);

        // Act
        var records = Samples.ReadText("rss", broken, "feed.xml");

        // Assert
        Assert.Equal(2, records.Count(r => r.Post is not null));
        var error = Assert.Single(records, r => r.Kind == RecordKind.Rejected);
        Assert.Contains("malformed XML", error.Reason);
        Assert.True(error.Location.Line > 20);
    }

    [Fact]
    public void Read_XmlWithDoctype_IsRejectedNotExpanded()
    {
        // Arrange
        var text = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x \"boom\">]><rss version=\"2.0\"><channel><item><guid>1</guid><pubDate>Fri, 14 Mar 2025 08:05:00 +0000</pubDate><title>&x;</title></item></channel></rss>";

        // Act
        var records = Samples.ReadText("rss", text);

        // Assert
        Assert.DoesNotContain(records, r => r.Post is not null);
        Assert.Contains(records, r => r.Reason is { } reason && reason.Contains("DTD", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("microblog")]
    [InlineData("twarc2")]
    [InlineData("mastodon")]
    [InlineData("crowdtangle")]
    [InlineData("rss")]
    public void Read_EmptyInput_DoesNotThrowAndGivesNoPost(string format)
    {
        // Act
        var records = Samples.ReadText(format, "");

        // Assert
        Assert.DoesNotContain(records, r => r.Post is not null);
    }

    [Fact]
    public void Read_MixedJsonLinesFile_RejectsLinesOfAnotherFormat()
    {
        // Arrange: a generator line, then a Jetstream event, then a generator line
        var jetstream = File.ReadLines(Samples.PathOf("bluesky", "jetstream-events.jsonl")).First();
        var text = GoodLine + "\n" + jetstream + "\n" + GoodLine.Replace("\"id\":\"1\"", "\"id\":\"2\"", StringComparison.Ordinal) + "\n";

        // Act
        var records = Samples.ReadText("microblog", text);

        // Assert
        Assert.Equal([RecordKind.Post, RecordKind.Rejected, RecordKind.Post], records.Select(r => r.Kind));
        Assert.Equal(2, records[1].Location.Line);
    }

    [Fact]
    public void Read_TikTokErrorShape_WithoutVideos_ReportsNoRecords()
    {
        // Act
        var records = Samples.ReadText("tiktok-research", """{"data": {}, "error": {"code": "invalid_params", "message": "bad"}}""");

        // Assert
        Assert.Equal(RecordKind.Rejected, Assert.Single(records).Kind);
    }
}
