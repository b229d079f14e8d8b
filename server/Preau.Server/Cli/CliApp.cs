using Preau.Core.Directory;
using Preau.Core.Rights;
using Preau.PluginHost;
using Preau.Server.Hosting;

namespace Preau.Server.Cli;

/// <summary>The administration verbs (<c>preau account list</c>…), run against a runtime: the
/// server's own through the admin socket when it is running, else the data folder directly.</summary>
public static class CliApp
{
    private static readonly Dictionary<string, Func<PreauRuntime, CliArgs, TextWriter, int>> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["account list"] = AccountCommands.List,
        ["account add"] = AccountCommands.Add,
        ["account suspend"] = AccountCommands.Suspend,
        ["account reactivate"] = AccountCommands.Reactivate,
        ["account passwd"] = AccountCommands.Passwd,
        ["account notify"] = AccountCommands.Notify,
        ["account quota"] = QuotaCommands.Quota,
        ["account create"] = AccountAdminCommands.Create,
        ["account reset-password"] = AccountAdminCommands.ResetPassword,
        ["policy show"] = PolicyCommands.Show,
        ["policy pupil-stop"] = PolicyCommands.PupilStop,
        ["policy external"] = PolicyCommands.External,
        ["policy rules"] = PolicyEditCommands.Rules,
        ["policy list-rules"] = PolicyEditCommands.ListRules,
        ["policy ratelimits"] = PolicyEditCommands.RateLimits,
        ["queue list"] = QueueCommands.List,
        ["audit list"] = AuditCommands.List,
        ["rights show"] = RightsCommands.Show,
        ["rights grant"] = RightsCommands.Grant,
        ["rights revoke"] = RightsCommands.Revoke,
        ["rights reset"] = RightsCommands.Reset,
        ["rights check"] = RightsCommands.Check,
        ["delegation grant"] = DelegationCommands.Grant,
        ["delegation revoke"] = DelegationCommands.Revoke,
        ["delegation list"] = DelegationCommands.List,
        ["roles list"] = RoleCommands.List,
        ["roles assign"] = RoleCommands.Assign,
        ["roles unassign"] = RoleCommands.Unassign,
        ["plugin list"] = PluginCommands.List,
        ["plugin enable"] = PluginCommands.Enable,
        ["plugin disable"] = PluginCommands.Disable,
        ["plugin install"] = PluginCommands.Install,
        ["plugin remove"] = PluginCommands.Remove,
        ["held list"] = HeldCommands.List,
        ["held release"] = HeldCommands.Release,
        ["held discard"] = HeldCommands.Discard,
    };

    /// <summary>The first words of the server's own verbs: no plugin verb may start with one.</summary>
    public static IReadOnlySet<string> VerbGroups { get; } =
        Verbs.Keys.Select(k => k.Split(' ')[0]).Append("help").ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the words name a verb (so the program runs the CLI rather than the server).</summary>
    public static bool IsVerb(IReadOnlyList<string> words) =>
        words.Count > 0 && (words[0] is "help" or "--help" || Verbs.Keys.Any(k => k.StartsWith(words[0] + " ", StringComparison.OrdinalIgnoreCase)));

    /// <summary>Runs one verb; returns the exit code (0 ok, 1 refused, 2 usage).</summary>
    public static int Run(PreauRuntime runtime, IReadOnlyList<string> words, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(runtime);
        if (words.Count > 0 && words[0] == "audit" && (words.Count == 1 || words[1].StartsWith("--", StringComparison.Ordinal)))
        {
            words = ["audit", "list", .. words.Skip(1)]; // `preau audit [--limit n]` is `preau audit list`
        }

        if (words.Count < 2 || !Verbs.TryGetValue($"{words[0]} {words[1]}", out var verb))
        {
            if (words.Count > 0 && !VerbGroups.Contains(words[0]) && runtime.Plugins.HasVerb(words))
            {
                return runtime.Plugins.RunVerbAsync(words, output, Actor).GetAwaiter().GetResult() ?? 2;
            }

            output.WriteLine(Usage);
            foreach (var plugin in runtime.Plugins.Verbs())
            {
                output.WriteLine($"  preau {plugin.Verb} {plugin.Usage}".TrimEnd() + $"      ({plugin.PluginId})");
            }

            return words.Count > 0 && words[0] is "help" or "--help" ? 0 : 2;
        }

        try
        {
            return verb(runtime, new CliArgs(words.Skip(2)), output);
        }
        catch (PluginException ex)
        {
            output.WriteLine($"refused: {ex.Message}");
            return 1;
        }
        catch (CliException ex)
        {
            output.WriteLine($"error: {ex.Message}");
            return 2;
        }
        catch (DirectoryException ex)
        {
            output.WriteLine($"refused: {ex.Message}");
            return 1;
        }
        catch (Core.Policy.PolicyException ex)
        {
            output.WriteLine($"refused: {ex.Message}");
            return 1;
        }
        catch (RightsException ex)
        {
            output.WriteLine($"refusé : {ex.Message}");
            return 1;
        }
    }

    /// <summary>Who did it, for the audit log.</summary>
    public static string Actor => $"cli:{Environment.UserName}";

    private const string Usage = """
        usage: preau <verb> [options]      (configuration overrides: --Section:Key=value)
          preau --demo                                   run the server with the demo school
          preau                                          run the server
          preau account list [--json] [--profile P] [--class C] [--state S]
          preau account add <login> --profile P [--function F] [--first F] [--last L] [--class C] [--password P]
          preau account suspend <login>
          preau account reactivate <login>
          preau account passwd <login> [--password P]    (no --password: read from standard input, or generate one)
          preau account notify <login> <address|none>
          preau account quota <login> [<size>|default|unlimited]   (sizes: 500M, 2G; default: the profile's)
          preau account create --first F --last L --profile P [--function F] [--login L]   (login prenom.nom, password generated)
          preau account reset-password <login>           (a new generated password, shown once)
          preau policy show [--json]
          preau policy pupil-stop on|off
          preau policy external open|close --all | --level L | --class C
          preau policy rules show | set FILE | reset     (FILE: JSON array of rules as in 'show', - for stdin)
          preau policy list-rules show | set FILE | reset
          preau policy ratelimits show | set P --messages N --per MIN [--recipients N --recipients-per MIN] | clear P | reset
          preau queue list [--json]
          preau audit [--limit N] [--actor A] [--action X] [--json]   (also: preau audit list)
          preau rights show [service] [--json]
          preau rights grant|revoke|reset <service.action> <profile:P|function:F|account:login>
          preau rights check <login> <service.action>
          preau delegation grant <login> [--until yyyy-mm-dd]
          preau delegation revoke <login>
          preau delegation list [--json]
          preau roles list [--uai U] [--json]
          preau roles assign|unassign <login> <AdministrateurEnt|ReferentNumerique|PersonneRessourceNumerique> [--uai U]
          preau plugin list [--json]
          preau plugin enable|disable <id>
          preau plugin install <folder|file.zip>             (installs, or upgrades the plugin with the same id)
          preau plugin remove <id> [--purge]                 (--purge: delete its stored data too)
          preau held list [--json]                           (messages held by a plugin's filter)
          preau held release|discard <id>
        profiles: Eleve, Responsable, Enseignant, Personnel, AdministrateurEnt
        functions: Direction, Cpe, VieScolaire, Documentaliste, PsyEn, AssistantSocial, Infirmier, Secretariat, Agent, SupportAcademique
        """;
}
