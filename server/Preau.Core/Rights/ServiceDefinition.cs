namespace Preau.Core.Rights;

/// <summary>A service and its actions, as the core or a plugin declares it (Administration › Services).</summary>
/// <param name="Id">"messagerie", "cahier-de-textes": lower-case letters, digits and single dashes.</param>
/// <param name="Label">French label ("Cahier de textes").</param>
/// <param name="Owner">"core" or the plugin id.</param>
/// <param name="Actions">The actions, each a right <c>&lt;Id&gt;.&lt;action id&gt;</c>.</param>
public sealed record ServiceDefinition(string Id, string Label, string Owner, IReadOnlyList<ServiceAction> Actions);
