using System.CommandLine;
using Riposte.Access;

namespace Riposte.Cli.Commands.Access;

/// <summary><c>riposte user …</c>: people who sign in, each acting for one organisation with one role.</summary>
public static class UserCommand
{
    public const string PasswordVariable = "RIPOSTE_PASSWORD";

    public static Command Create(CliGlobals globals)
    {
        var command = new Command("user", "Users: each belongs to one organisation and has one role (admin, analyst, partner, reader)");
        command.Subcommands.Add(Add(globals));
        command.Subcommands.Add(List(globals));
        command.Subcommands.Add(Role(globals));
        command.Subcommands.Add(Disable(globals));
        return command;
    }

    private static Command Add(CliGlobals globals)
    {
        var name = new Argument<string>("name") { Description = "The user name (used for HTTP Basic)" };
        var org = new Option<string>("--org") { Description = "The organisation's identity id", Required = true };
        var role = new Option<Role>("--role") { Description = "admin, analyst, partner or reader", DefaultValueFactory = _ => Riposte.Access.Role.Reader };
        var password = new Option<bool>("--password") { Description = $"Set a password, read from ${PasswordVariable} (or standard input); without it the user signs in with tokens only" };
        var command = new Command("add", "Create a user") { name, org, role, password };
        command.SetAction(parse =>
        {
            using var node = NodeSession.Open(globals, parse);
            string? secret = null;
            if (parse.GetValue(password))
                secret = Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : ReadLine(globals);
            var user = node.Get<UserService>().Create(Principal.System, parse.GetValue(name)!, parse.GetValue(org)!, parse.GetValue(role), secret);
            globals.Console.Out.MarkupLineInterpolated($"created user [bold]{user.Name}[/] ({user.Role}) with id {user.Id}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string ReadLine(CliGlobals globals)
    {
        using var reader = new StreamReader(globals.Console.OpenStandardInput());
        return reader.ReadLine() ?? throw new CliException($"--password given but no password: set {PasswordVariable} or pipe it on standard input");
    }

    private static Command List(CliGlobals globals)
    {
        var org = new Option<string?>("--org") { Description = "Only users of this organisation" };
        var command = new Command("list", "List users") { org };
        command.SetAction(parse =>
        {
            using var node = NodeSession.Open(globals, parse);
            var table = new Table().AddColumns("id", "name", "organisation", "role", "password", "disabled");
            foreach (var user in node.Get<UserService>().List(parse.GetValue(org)))
                table.AddRow(user.Id, Markup.Escape(user.Name), user.OrganizationId, user.Role, user.PasswordHash is null ? "no" : "yes", user.Disabled ? "yes" : "no");
            globals.Console.Out.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Role(CliGlobals globals)
    {
        var user = new Argument<string>("user") { Description = "The user's id or name" };
        var role = new Argument<Role>("role") { Description = "admin, analyst, partner or reader" };
        var command = new Command("role", "Change a user's role") { user, role };
        command.SetAction(parse =>
        {
            using var node = NodeSession.Open(globals, parse);
            var service = node.Get<UserService>();
            var updated = service.SetRole(Principal.System, Resolve(service, parse.GetValue(user)!), parse.GetValue(role));
            globals.Console.Out.MarkupLineInterpolated($"{updated.Name} is now {updated.Role}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Disable(CliGlobals globals)
    {
        var user = new Argument<string>("user") { Description = "The user's id or name" };
        var enable = new Option<bool>("--enable") { Description = "Enable the user again instead" };
        var command = new Command("disable", "Disable a user (their password and tokens stop working)") { user, enable };
        command.SetAction(parse =>
        {
            using var node = NodeSession.Open(globals, parse);
            var service = node.Get<UserService>();
            var updated = service.SetDisabled(Principal.System, Resolve(service, parse.GetValue(user)!), !parse.GetValue(enable));
            globals.Console.Out.MarkupLineInterpolated($"{updated.Name} is {(updated.Disabled ? "disabled" : "enabled")}");
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static string Resolve(UserService service, string idOrName) =>
        (service.Get(idOrName) ?? service.GetByName(idOrName))?.Id
        ?? throw new CliException($"no user '{idOrName}'; 'riposte user list' shows them");
}
