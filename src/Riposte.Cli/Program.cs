using Riposte.Cli;

return await CliApp.RunAsync(args, CliConsole.System());
