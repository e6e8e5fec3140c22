using Riposte.Analytics.Posts;

namespace Riposte.Detection.Tests.Support;

/// <summary>
/// Builds small hand-made post sets: an organic background plus one behaviour (a campaign or an
/// organic look-alike), so each test can say which accounts must and must not be flagged.
/// </summary>
internal sealed class Scenario
{
    public static readonly DateTimeOffset Start = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Vocabulary = [.. Enumerable.Range(0, 400).Select(i => "w" + i.ToString("x", System.Globalization.CultureInfo.InvariantCulture) + "a")];

    private readonly Random _rng;
    private readonly List<Post> _posts = [];
    private long _nextId = 1_000_000;

    public Scenario(int seed) => _rng = new Random(seed);

    public IReadOnlyList<Post> Posts => _posts;
    public List<string> Organic { get; } = [];

    /// <summary>Organic accounts posting random originals, reposts and replies over three days.</summary>
    public Scenario WithOrganicBackground(int accounts = 600, int posts = 6000)
    {
        for (var i = 0; i < accounts; i++)
            Organic.Add("org" + i);
        for (var k = 0; k < posts; k++)
        {
            var author = Organic[(int)Math.Min(accounts - 1, accounts * Math.Pow(_rng.NextDouble(), 2))];
            var at = Start.AddSeconds(_rng.Next(0, 3 * 86400));
            var x = _rng.NextDouble();
            if (x < 0.3 && _posts.Count > 10)
                Add(author, at, repostOf: _posts[_rng.Next(_posts.Count)].Id);
            else if (x < 0.4 && _posts.Count > 10)
                Add(author, at, Sentence(6), replyTo: _posts[_rng.Next(_posts.Count)].Id);
            else
                Add(author, at, Sentence(_rng.Next(6, 20)), urls: _rng.NextDouble() < 0.2 ? [$"https://site{_rng.Next(50)}.example/p/{_rng.Next(3000)}"] : [],
                    hashtags: _rng.NextDouble() < 0.2 ? [$"tag{_rng.Next(30)}", $"tag{_rng.Next(30)}"] : []);
        }
        return this;
    }

    public string Sentence(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Vocabulary[_rng.Next(Vocabulary.Length)]));

    public double Uniform(double lo, double hi) => lo + (_rng.NextDouble() * (hi - lo));

    public int Next(int max) => _rng.Next(max);

    public DateTimeOffset RandomTime(int day = -1) => Start.AddSeconds((day < 0 ? _rng.Next(3) : day) * 86400 + _rng.Next(3600, 80000));

    public string RandomOrganic() => Organic[_rng.Next(Organic.Count)];

    public Post Add(string author, DateTimeOffset at, string text = "", IReadOnlyList<string>? urls = null, IReadOnlyList<string>? hashtags = null,
        string? repostOf = null, string? replyTo = null, DateTimeOffset? created = null)
    {
        var post = new Post
        {
            Platform = "microblog",
            Id = (_nextId++).ToString(System.Globalization.CultureInfo.InvariantCulture),
            AuthorId = author,
            AuthorHandle = "h_" + author,
            AuthorCreatedAt = created ?? Start.AddDays(-400 - (author.Sum(c => c * 31) % 2000)),
            CreatedAt = at,
            Text = text,
            Urls = urls ?? [],
            Hashtags = hashtags ?? [],
            RepostOfId = repostOf,
            ReplyToId = replyTo,
        };
        _posts.Add(post);
        return post;
    }

    public static List<string> Accounts(string prefix, int count) => [.. Enumerable.Range(0, count).Select(i => prefix + i)];
}
