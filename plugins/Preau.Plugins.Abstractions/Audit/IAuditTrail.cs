namespace Preau.Plugins.Audit;

/// <summary>The server's append-only audit log, for what people do through a plugin (an
/// administrator suspending an account from the annuaire). Contract 1.3.</summary>
/// <remarks>Writes through <see cref="Graph.IGraphWriter"/> are audited by the host on their own,
/// with the plugin as actor; this names the person who acted and what they did.</remarks>
public interface IAuditTrail
{
    /// <summary>Appends an entry: the account <paramref name="actorId"/> did <paramref name="action"/>.
    /// The entry's actor is that account's login; the host adds to <paramref name="detail"/> the
    /// plugin's id and, for an académie support account (DANE), that it acted as one and under which
    /// delegation, so delegated actions are told apart in the log.</summary>
    /// <param name="actorId">The id of the account acting (the request's caller).</param>
    /// <param name="action"><c>&lt;service&gt;.&lt;verb&gt;</c>, the service being one the plugin
    /// declares (<c>annuaire.suspend</c>): lower-case letters, digits, '-' and '.', at most 64.</param>
    /// <param name="detail">What was done, in French (at most 1,000 characters; control characters are
    /// replaced by spaces). Never a secret.</param>
    /// <exception cref="ArgumentException">Unknown account, or an action outside the plugin's services.</exception>
    void Record(string actorId, string action, string detail);
}
