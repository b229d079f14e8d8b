namespace Preau.Core.Storage;

/// <summary>One account that a write would have taken over its quota.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="UsedBytes">What its messages took before the write.</param>
/// <param name="RequestedBytes">What the write would have added.</param>
/// <param name="LimitBytes">Its quota.</param>
public sealed record QuotaRefusal(string AccountId, long UsedBytes, long RequestedBytes, long LimitBytes);

/// <summary>A store refused a write because it would take accounts over their quota; nothing of
/// that write was stored. Decided inside the store's write transaction, so two concurrent writes
/// cannot both pass one check.</summary>
public sealed class QuotaExceededException : Exception
{
    /// <summary>Creates the exception.</summary>
    public QuotaExceededException(IReadOnlyList<QuotaRefusal> refusals)
        : base($"over quota: {string.Join(", ", (refusals ?? throw new ArgumentNullException(nameof(refusals))).Select(r => r.AccountId))}") =>
        Refusals = refusals;

    /// <summary>Creates the exception.</summary>
    public QuotaExceededException()
        : this([])
    {
    }

    /// <summary>Creates the exception.</summary>
    public QuotaExceededException(string message)
        : base(message) => Refusals = [];

    /// <summary>Creates the exception.</summary>
    public QuotaExceededException(string message, Exception innerException)
        : base(message, innerException) => Refusals = [];

    /// <summary>The accounts refused, with their numbers.</summary>
    public IReadOnlyList<QuotaRefusal> Refusals { get; }
}
