namespace Riposte.Cli;

/// <summary>An input the user named: a file, a file found in a folder, or standard input.</summary>
public sealed record InputFile(string Name, Func<Stream> Open, long? Length);

public static class InputFiles
{
    /// <summary>
    /// Files as named; folders expand to their *.json files (recursively, in name order); '-' is standard input.
    /// A path that does not exist stops the command before anything is read.
    /// </summary>
    public static IReadOnlyList<InputFile> Expand(IEnumerable<string> paths, CliConsole console, string pattern = "*.json", Func<string, bool>? include = null)
    {
        var inputs = new List<InputFile>();
        foreach (var path in paths)
        {
            if (path == "-")
            {
                inputs.Add(new InputFile("<stdin>", console.OpenStandardInput, null));
            }
            else if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, pattern, SearchOption.AllDirectories)
                    .Where(f => include?.Invoke(f) ?? true)
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (files.Count == 0)
                    console.Warn($"no {pattern} files in folder '{path}'");
                inputs.AddRange(files.Select(FromFile));
            }
            else if (File.Exists(path))
            {
                inputs.Add(FromFile(path));
            }
            else
            {
                throw new CliException($"'{path}' does not exist: name a file, a folder or '-' for standard input");
            }
        }
        return inputs;
    }

    private static InputFile FromFile(string path) =>
        new(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), new FileInfo(path).Length);
}
