using System.Text;
using Riposte.Cli;

namespace Riposte.Cli.Tests;

/// <summary>Runs the real <c>riposte</c> command in-process with captured streams and a store of its own.</summary>
internal sealed class CliRunner : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "riposte-cli-" + Guid.NewGuid().ToString("N"));

    /// <param name="db">The <c>--db</c> value; by default a SQLite file in a fresh temporary folder.</param>
    public CliRunner(string? db = null)
    {
        Directory.CreateDirectory(_folder);
        Db = db ?? Path.Combine(_folder, "store.db");
    }

    public string Db { get; }
    public string Folder => _folder;

    public async Task<CliResult> RunAsync(params string[] args) => await RunWithInputAsync(null, args);

    public async Task<CliResult> RunWithInputAsync(byte[]? stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var data = new MemoryStream();
        var console = new CliConsole(output, error, () => new NonClosingStream(data), () => new MemoryStream(stdin ?? []), interactive: false);
        var exit = await CliApp.RunAsync(["--db", Db, .. args], console, TestContext.Current.CancellationToken);
        return new CliResult(exit, output.ToString(), error.ToString(), Encoding.UTF8.GetString(data.ToArray()));
    }

    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a store file still held by a finaliser; the temp folder is cleaned by the OS
        }
    }

    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}

/// <summary>What a run printed: <see cref="Data"/> is what went to standard output as bytes (exports).</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error, string Data);
