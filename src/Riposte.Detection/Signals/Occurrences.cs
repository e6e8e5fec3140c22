namespace Riposte.Detection.Signals;

/// <summary>
/// The raw material of one signal: which post put which account on which item key at what time.
/// <see cref="Source"/> is who the item came from (the author of a reposted post) or
/// <see cref="FirstPoster"/> when the first account to post it in a burst is the source.
/// </summary>
internal sealed class Occurrences(SignalKind kind)
{
    public const int FirstPoster = int.MinValue;

    public SignalKind Kind { get; } = kind;
    public List<int> Key { get; } = [];
    public List<int> Post { get; } = [];
    public List<int> Source { get; } = [];

    public int Count => Key.Count;

    public void Add(int key, int post, int source = FirstPoster)
    {
        Key.Add(key);
        Post.Add(post);
        Source.Add(source);
    }
}
