using System.CommandLine;
using Riposte.Cli;
using Riposte.Cli.Commands.Incidents;

namespace Riposte.Incidents.Tests;

/// <summary>The analyst commands, run in-process against a store of their own (as the lead will wire them).</summary>
public sealed class CliCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "riposte-incidents-cli-" + Guid.NewGuid().ToString("N"));

    private async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        Directory.CreateDirectory(_folder);
        var output = new StringWriter();
        var error = new StringWriter();
        var globals = new CliGlobals(new CliConsole(output, error, () => new MemoryStream(), () => new MemoryStream(), interactive: false));
        var root = new RootCommand { globals.Db };
        foreach (var command in new[] { IncidentCommand.Create(globals), AssessCommand.Create(globals), ResponseCommand.Create(globals), NarrativeCommand.Create(globals) })
            root.Subcommands.Add(command);
        var parse = root.Parse(["--db", Path.Combine(_folder, "store.db"), .. args]);
        Assert.Empty(parse.Errors);
        int exit;
        try
        {
            exit = await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, TestContext.Current.CancellationToken);
        }
        catch (CliException e)
        {
            error.Write(e.Message);
            exit = e.ExitCode;
        }
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task IncidentCreateThenList_ShowsTheIncidentInTheTable()
    {
        var created = await RunAsync("incident", "create", "--name", "Fake ministry posts", "--category", "election-interference", "--language", "fr");
        var listed = await RunAsync("incident", "list", "--status", "draft");

        Assert.Equal(0, created.Exit);
        Assert.Contains("Fake ministry posts", listed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IncidentCreate_BadCategory_ExitsOneNamingTheField()
    {
        var result = await RunAsync("incident", "create", "--name", "x", "--category", "gossip");

        Assert.Equal(1, result.Exit);
        Assert.Contains("category", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IncidentStatus_IllegalTransition_ExitsOne()
    {
        var created = await RunAsync("incident", "create", "--name", "x", "--category", "information-manipulation");
        var id = created.Out.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).First(w => w.StartsWith("incident--", StringComparison.Ordinal));

        var result = await RunAsync("incident", "status", id, "shared");

        Assert.Equal(1, result.Exit);
        Assert.Contains("allowed", result.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
