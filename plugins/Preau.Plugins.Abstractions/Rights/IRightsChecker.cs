namespace Preau.Plugins.Rights;

/// <summary>Asks the server's rights model (the one place every API and hook checks) whether an
/// account holds a right.</summary>
public interface IRightsChecker
{
    /// <summary>Whether the account <paramref name="login"/> holds <paramref name="right"/>
    /// (<c>"&lt;service&gt;.&lt;action&gt;"</c>); an unknown account holds nothing.</summary>
    RightCheck Check(string login, string right);
}

/// <summary>The answer of a rights check.</summary>
/// <param name="Allowed">Whether the right is held.</param>
/// <param name="Right">The right asked about.</param>
/// <param name="Reason">In French, naming the missing right when refused.</param>
public sealed record RightCheck(bool Allowed, string Right, string Reason);
