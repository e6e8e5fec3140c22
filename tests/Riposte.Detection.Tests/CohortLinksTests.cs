using Riposte.Analytics.Posts;
using Riposte.Detection.Interning;
using Riposte.Detection.Signals;
using Riposte.Detection.Text;

namespace Riposte.Detection.Tests;

public sealed class CohortLinksTests
{
    private static readonly DateTimeOffset Start = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset CohortDay = new(2023, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private static Post PostBy(string account, DateTimeOffset created, DateTimeOffset at, int id) => new()
    {
        Platform = "test",
        Id = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        AuthorId = account,
        AuthorCreatedAt = created,
        CreatedAt = at,
        Text = "hello",
    };

    private static (PostTable Table, CohortLinks Links) Build(IEnumerable<Post> posts)
    {
        var table = PostTableBuilder.Build(posts, new NearDuplicateGrouper(), 6);
        return (table, CohortLinks.Build(table, new CoordinationOptions()));
    }

    private static int AccountIndex(PostTable table, string id) => Array.IndexOf(table.AccountIds, id);

    [Fact]
    public void Linked_SameDayWokeTogether_TrueAndOthersFalse()
    {
        // Arrange: an early poster starts the data; w1..w3 (created the same day) wake within an hour on day 3;
        // late (same day) wakes three days after them; other (another day) wakes with w1..w3.
        var posts = new List<Post> { PostBy("early", CohortDay.AddYears(-2), Start, 1) };
        var wake = Start.AddDays(3);
        posts.Add(PostBy("w1", CohortDay, wake, 2));
        posts.Add(PostBy("w2", CohortDay.AddHours(5), wake.AddMinutes(20), 3));
        posts.Add(PostBy("w3", CohortDay.AddHours(9), wake.AddMinutes(50), 4));
        posts.Add(PostBy("other", CohortDay.AddDays(1), wake.AddMinutes(30), 5));
        posts.Add(PostBy("late", CohortDay, wake.AddDays(3), 6));
        posts.Add(PostBy("w1", CohortDay, wake.AddHours(2), 7));

        // Act
        var (table, links) = Build(posts.OrderBy(p => p.CreatedAt));
        bool Linked(string a, string b) => links.Linked(AccountIndex(table, a), AccountIndex(table, b));

        // Assert
        Assert.True(Linked("w1", "w2"));
        Assert.True(Linked("w3", "w1"));
        Assert.False(Linked("w1", "late"));
        Assert.False(Linked("w1", "other"));
        Assert.False(Linked("w1", "w1"));
        Assert.False(Linked("early", "w1"));
        Assert.Equal(3, links.PairCount);
    }

    [Fact]
    public void PairCount_RandomCohorts_EqualsPairsAnsweredLinked()
    {
        // Arrange: 400 accounts over 5 creation days, first posts spread over 6 days (some inside the dormancy span).
        var rng = new Random(11);
        var posts = new List<Post>();
        for (var a = 0; a < 400; a++)
        {
            var created = CohortDay.AddDays(rng.Next(5)).AddHours(rng.Next(24));
            posts.Add(PostBy("a" + a, created, Start.AddHours(rng.Next(6 * 24)), a));
        }
        posts.Add(PostBy("first", CohortDay.AddYears(-1), Start, 999));

        // Act
        var (table, links) = Build(posts.OrderBy(p => p.CreatedAt));
        long linked = 0;
        for (var a = 0; a < table.AccountCount; a++)
        {
            for (var b = a + 1; b < table.AccountCount; b++)
                linked += links.Linked(a, b) ? 1 : 0;
        }

        // Assert
        Assert.True(linked > 100, $"only {linked} linked pairs; the scenario should make many");
        Assert.Equal(linked, links.PairCount);
    }
}
