namespace Riposte.Analytics.Tests.Formats;

public sealed class TelegramFormatsTests
{
    [Fact]
    public void Read_DesktopExport_KeysPostsByChatAndMessageAndSkipsServiceMessages()
    {
        // Act
        var records = Samples.Read("telegram", "result.json");
        var posts = Samples.Posts("telegram", "result.json");

        // Assert
        Assert.Equal(RecordKind.Skipped, records[0].Kind);
        Assert.Equal(6, posts.Count);
        Assert.Equal(["1987654321/412", "1987654321/413", "1987654321/414", "1987654321/415", "1987654321/416", "1987654321/417"], posts.Keys.Order());
    }

    [Fact]
    public void Read_DesktopMessageWithTextArray_JoinsEntitiesAndTakesLinksTagsAndReactions()
    {
        // Act
        var post = Samples.Posts("telegram", "result.json")["1987654321/412"];

        // Assert
        Assert.Equal("⚡️ LEAKED: ministry memo proves the #NordvaleDam collapse was planned. Officials knew days before.\n\nFull story: https://nordvale-truth.example/2025/03/leaked-dam-memo\n#DamCoverUp", post.Text);
        Assert.Equal(Samples.Utc("2025-03-14T08:10:02Z"), post.CreatedAt);
        Assert.Equal("channel1987654321", post.AuthorId);
        Assert.Equal(["NordvaleDam", "DamCoverUp"], post.Hashtags);
        Assert.Equal(["https://nordvale-truth.example/2025/03/leaked-dam-memo"], post.Urls);
        Assert.Equal(412 + 97 + 15, post.Likes);
        Assert.Null(post.Views);
    }

    [Fact]
    public void Read_DesktopReplyWithTextLinkAndMention_MapsReplyHrefAndHandle()
    {
        // Act
        var posts = Samples.Posts("telegram", "result.json");
        var reply = posts["1987654321/414"];

        // Assert
        Assert.Equal("1987654321/412", reply.ReplyToId);
        Assert.Equal(["https://nordvale-truth.example/files/memo.pdf"], reply.Urls);
        Assert.Equal(["nv_voice_2025"], reply.Mentions);
        Assert.Null(posts["1987654321/415"].Likes);
        Assert.Equal(["https://factcheck.example.org"], posts["1987654321/416"].Urls);
    }

    [Fact]
    public void Read_FullAccountExport_ReadsMessagesOfEveryChat()
    {
        // Arrange
        var json = """
            {"about": "export", "chats": {"about": "chats", "list": [
              {"name": "A", "type": "private_group", "id": 11, "messages": [
                {"id": 1, "type": "message", "date_unixtime": "1741939802", "from": "X", "from_id": "user5", "text": "hi", "text_entities": [{"type": "plain", "text": "hi"}]}]},
              {"name": "B", "type": "public_channel", "id": 22, "messages": [
                {"id": 1, "type": "message", "date_unixtime": "1741939803", "from": "Y", "from_id": "channel22", "text": "yo", "text_entities": []}]}
            ]}}
            """;

        // Act
        var posts = Samples.ReadText("telegram-desktop", json).Select(r => r.Post!).ToList();

        // Assert
        Assert.Equal(["11/1", "22/1"], posts.Select(p => p.Id));
        Assert.Equal("yo", posts[1].Text);
    }

    [Fact]
    public void Read_FourCatNdjson_UsesTheSameKeysAsTheDesktopExportAndTelethonFields()
    {
        // Act
        var posts = Samples.Posts("4cat", "telegram-nordvale_truth.ndjson");

        // Assert
        var first = posts["1987654321/412"];
        Assert.Equal("channel1987654321", first.AuthorId);
        Assert.Equal("nordvale_truth", first.AuthorHandle);
        Assert.Equal(Samples.Utc("2025-03-14T08:10:02Z"), first.CreatedAt);
        Assert.Equal(["NordvaleDam", "DamCoverUp"], first.Hashtags);
        Assert.Equal(["https://nordvale-truth.example/2025/03/leaked-dam-memo"], first.Urls);
        Assert.Equal(48211, first.Views);
        Assert.Equal(1204, first.Reposts);
        Assert.Equal(524, first.Likes);
        Assert.Equal("1777000111/9081", posts["1987654321/413"].RepostOfId);
        Assert.Equal("1987654321/412", posts["1987654321/414"].ReplyToId);
        Assert.Equal(["nv_voice_2025"], posts["1987654321/414"].Mentions);
        Assert.Equal(["https://factcheck.example.org"], posts["1987654321/416"].Urls);
    }

    [Fact]
    public void Read_FourCatCsv_MapsTheStableColumnsAndTelegramExtras()
    {
        // Act
        var posts = Samples.Posts("4cat", "telegram-nordvale_truth.csv");

        // Assert
        Assert.Equal(5, posts.Count);
        var reply = posts["nordvale_truth-414"];
        Assert.Equal("4cat", reply.Platform);
        Assert.Equal("nordvale_truth-412", reply.ReplyToId);
        Assert.Equal(230, reply.Likes);
        Assert.Equal(29877, reply.Views);
        Assert.Equal(Samples.Utc("2025-03-14T09:05:12Z"), reply.CreatedAt);
        Assert.Contains("\n\nFull story:", posts["nordvale_truth-412"].Text);
        Assert.Null(posts["nordvale_truth-415"].Likes);
    }
}
