using Preau.Core.Accounts;
using Preau.Core.Quota;
using Preau.Server.Hosting;

namespace Preau.Server.Cli;

/// <summary><c>preau account quota &lt;login&gt; [size|default|unlimited]</c>: shows an account's
/// quota and usage, gives it its own quota, or gives it back its profile's.</summary>
internal static class QuotaCommands
{
    public static int Quota(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var login = args.Required(0, "login");
        var account = runtime.Directory.Find(login) ?? throw new Core.Directory.DirectoryException($"no account '{login}'");
        if (args.Positionals.Count > 1)
        {
            account = runtime.Directory.SetQuota(account.Login, ParseOverride(args.Positionals[1]), CliApp.Actor);
        }

        output.WriteLine(Describe(runtime.Quotas, account));
        return 0;
    }

    /// <summary><c>default</c>: the profile's quota (null); <c>unlimited</c> or 0: none (0); else a size.</summary>
    private static long? ParseOverride(string word)
    {
        if (word.Equals("default", StringComparison.OrdinalIgnoreCase) || word.Equals("defaut", StringComparison.OrdinalIgnoreCase)
            || word.Equals("défaut", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            return QuotaService.ParseLimit(word, "size") ?? 0;
        }
        catch (InvalidOperationException)
        {
            throw new CliException($"'{word}' is not a size (examples: 500M, 2G, 300 Mo), 'default' or 'unlimited'");
        }
    }

    private static string Describe(QuotaService quotas, Account account)
    {
        var status = quotas.StatusOf(account);
        var source = status.Overridden ? "own quota" : $"default of profile {account.Profile}";
        var used = $"{ByteSize.Format(status.Usage.Bytes)} in {status.Usage.Messages} messages";
        return status.LimitBytes is { } limit
            ? $"{account.Login}: {used}, {status.Percent} % of {ByteSize.Format(limit)} ({source})"
            : $"{account.Login}: {used}, no limit ({source})";
    }
}
