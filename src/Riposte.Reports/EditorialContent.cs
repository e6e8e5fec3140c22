namespace Riposte.Reports;

/// <summary>The sections people write: a foreword, case studies ("in focus") and an outlook, in Markdown.</summary>
public sealed record EditorialContent(string? Foreword, IReadOnlyList<EditorialPiece> InFocus, string? Outlook)
{
    public static readonly EditorialContent None = new(null, [], null);

    /// <summary>Reads files: the foreword, each case study, the outlook (any may be null). A missing file is an error naming it.</summary>
    public static EditorialContent FromFiles(string? foreword, IReadOnlyList<string> inFocus, string? outlook) =>
        new(Read(foreword), [.. inFocus.Select(f => new EditorialPiece(Path.GetFileNameWithoutExtension(f), Read(f)!))], Read(outlook));

    /// <summary>
    /// Reads a folder: <c>foreword.md</c>, <c>outlook.md</c>, and every other <c>*.md</c> as a case study,
    /// in file-name order (name them 01-…, 02-… to order them).
    /// </summary>
    public static EditorialContent FromDirectory(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"editorial folder '{directory}' does not exist");
        string? Optional(string name) => File.Exists(Path.Combine(directory, name)) ? Path.Combine(directory, name) : null;
        var focus = Directory.GetFiles(directory, "*.md")
            .Where(f => Path.GetFileName(f) is not ("foreword.md" or "outlook.md"))
            .Order(StringComparer.Ordinal)
            .ToList();
        return FromFiles(Optional("foreword.md"), focus, Optional("outlook.md"));
    }

    private static string? Read(string? path)
    {
        if (path is null)
            return null;
        if (!File.Exists(path))
            throw new FileNotFoundException($"editorial file '{path}' does not exist", path);
        return File.ReadAllText(path);
    }
}

/// <summary>One case study: its file name (for ordering and anchors) and its Markdown.</summary>
public sealed record EditorialPiece(string Name, string Markdown);
