using Preau.Core.Accounts;
using Preau.Core.Directory;
using Preau.Server.Hosting;

namespace Preau.Server.Cli;

/// <summary><c>preau account create</c> (login derived from the names) and <c>preau account reset-password</c>,
/// through the same Core service as the admin API.</summary>
internal static class AccountAdminCommands
{
    /// <summary><c>account create --first F --last L --profile P [--function F] [--login L]</c>.</summary>
    public static int Create(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var profile = CliArgs.ParseEnum<Profile>(args.Option("profile") ?? throw new CliException("missing --profile"), "profile");
        var function = args.Option("function") is { } f ? CliArgs.ParseEnum<StaffFunction>(f, "function") : StaffFunction.None;
        var created = runtime.Accounts.Create(
            new NewAccount(args.Option("login"), args.Option("first") ?? throw new CliException("missing --first"), args.Option("last") ?? throw new CliException("missing --last"), profile, function),
            CliApp.Actor);
        output.WriteLine($"created {created.Account.Login} <{runtime.Directory.AddressOf(created.Account)}> ({created.Account.Profile})");
        output.WriteLine($"password: {created.InitialPassword}");
        return 0;
    }

    /// <summary><c>account reset-password LOGIN</c>: a new generated password, shown once.</summary>
    public static int ResetPassword(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var login = runtime.Accounts.Require(args.Required(0, "login")).Login;
        var password = runtime.Accounts.ResetPassword(login, CliApp.Actor);
        output.WriteLine($"password of {login} reset");
        output.WriteLine($"password: {password}");
        return 0;
    }
}
