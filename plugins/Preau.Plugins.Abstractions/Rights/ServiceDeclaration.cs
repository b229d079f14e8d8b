using Preau.Plugins.Graph;

namespace Preau.Plugins.Rights;

/// <summary>A service the plugin offers, shown in Administration &gt; Services with its actions. The
/// administrator grants each action to profiles, functions or accounts; a plugin registers this
/// record as a singleton and checks the resulting rights with <see cref="IRightsChecker"/> (the
/// right of an action is <c>"&lt;service id&gt;.&lt;action id&gt;"</c>).</summary>
/// <param name="Id">Unique among services ("cahier-de-textes"): lower-case letters, digits and '-'.</param>
/// <param name="Label">French label ("Cahier de textes").</param>
/// <param name="Actions">What can be granted.</param>
public sealed record ServiceDeclaration(string Id, string Label, IReadOnlyList<ServiceActionDeclaration> Actions);

/// <summary>One action of a service and who holds it by default (until the administrator changes it).</summary>
/// <param name="Id">Unique in the service ("read-all"): lower-case letters, digits and '-'.</param>
/// <param name="Label">French label ("Lire tous les cahiers de textes").</param>
/// <param name="DefaultGrants">Who holds it by default.</param>
/// <param name="Description">A longer French explanation, if useful.</param>
public sealed record ServiceActionDeclaration(string Id, string Label, IReadOnlyList<GrantDeclaration> DefaultGrants, string? Description = null);

/// <summary>Who an action is granted to.</summary>
public enum GranteeType
{
    /// <summary>Every account of a profile.</summary>
    Profile,

    /// <summary>Every staff member with a function.</summary>
    Function,

    /// <summary>One account, by login.</summary>
    Account,
}

/// <summary>A default grant.</summary>
/// <param name="Type">Profile, function or account.</param>
/// <param name="Value">The profile name ("Enseignant"), the function name ("Cpe") or the login.</param>
public sealed record GrantDeclaration(GranteeType Type, string Value)
{
    /// <summary>Granted to every account of <paramref name="profile"/>.</summary>
    public static GrantDeclaration To(AccountProfile profile) => new(GranteeType.Profile, profile.ToString());

    /// <summary>Granted to every staff member with <paramref name="function"/>.</summary>
    public static GrantDeclaration To(AccountFunction function) => new(GranteeType.Function, function.ToString());
}
