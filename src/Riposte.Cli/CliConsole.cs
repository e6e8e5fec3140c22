using Spectre.Console;

namespace Riposte.Cli;

/// <summary>
/// The command's standard streams. Tests pass their own writers; data (exports, JSON) goes to
/// <see cref="OpenStandardOutput"/>, messages for people to <see cref="Out"/> and <see cref="Error"/>.
/// </summary>
public sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, Func<Stream> openStandardOutput, Func<Stream> openStandardInput, bool interactive)
    {
        Out = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No, Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No });
        Error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error), Interactive = InteractionSupport.No, Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No });
        if (!interactive)
        {
            // Redirected output is read by scripts and people alike: never wrap or cut a line.
            Out.Profile.Width = 400;
            Error.Profile.Width = 400;
        }
        OpenStandardOutput = openStandardOutput;
        OpenStandardInput = openStandardInput;
        Interactive = interactive;
    }

    public IAnsiConsole Out { get; }
    public IAnsiConsole Error { get; }
    public Func<Stream> OpenStandardOutput { get; }
    public Func<Stream> OpenStandardInput { get; }

    /// <summary>True on a terminal: progress bars are shown only then.</summary>
    public bool Interactive { get; }

    public static CliConsole System() => new(
        Console.Out,
        Console.Error,
        Console.OpenStandardOutput,
        Console.OpenStandardInput,
        interactive: !Console.IsOutputRedirected && !Console.IsErrorRedirected);

    /// <summary>Reports a failure the user can act on: what is wrong, where, and what to do.</summary>
    public void Fail(string message) => Error.MarkupLineInterpolated($"[red]error:[/] {message}");

    public void Warn(string message) => Error.MarkupLineInterpolated($"[yellow]warning:[/] {message}");
}
