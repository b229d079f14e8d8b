namespace Preau.Core.Policy;

/// <summary>The kinds of list address, by their local-part prefix.</summary>
public enum ListKind
{
    /// <summary><c>eleves.&lt;structure&gt;@</c>: the pupils of a class or group.</summary>
    Pupils,

    /// <summary><c>parents.&lt;structure&gt;@</c>: the responsables of those pupils.</summary>
    Parents,

    /// <summary><c>profs.&lt;structure&gt;@</c>: the teachers of a class or group.</summary>
    Teachers,

    /// <summary><c>rubrique.&lt;id&gt;@</c>: the members of a rubrique with its diffusion list on.</summary>
    Rubrique,
}

/// <summary>Which lists of a kind a sender may use.</summary>
public enum ListScope
{
    /// <summary>Lists of structures the sender teaches.</summary>
    Taught,

    /// <summary>Lists the sender belongs to (own class, child's class, own rubrique).</summary>
    Own,

    /// <summary>Every list of the establishment.</summary>
    Any,
}

/// <summary>Who may use which list addresses. Members are then checked one by one by the sending rules.</summary>
public sealed record ListRule(
    string Id,
    ProfileSelector From,
    IReadOnlyList<ListKind> Lists,
    ListScope Scope,
    string Description);
