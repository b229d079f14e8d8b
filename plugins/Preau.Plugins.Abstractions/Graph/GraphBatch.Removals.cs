namespace Preau.Plugins.Graph;

/// <summary>Classes and groups a batch deletes (contract 1.3).</summary>
public sealed partial record GraphBatch
{
    /// <summary>Codes of the classes and groups to delete (case-insensitive), in the same all-or-nothing
    /// transaction as the rest of the batch. Contract 1.3.</summary>
    /// <remarks>
    /// A deleted structure goes with every membership and teaching service on it, whoever's; a group
    /// that draws on a deleted class no longer names it; its list addresses
    /// (<c>eleves.&lt;code&gt;@</c>, <c>parents.&lt;code&gt;@</c>, <c>profs.&lt;code&gt;@</c>) stop
    /// existing as soon as the batch is written, and the sending policy no longer sees the relations
    /// it carried. The batch is refused whole when a code names no class or group, when it is also in
    /// <see cref="Structures"/>, or when a membership or teaching of the batch, or a group of the batch
    /// (<see cref="StructureRecord.ClassCodes"/>), names it. Each deletion is audited.
    /// </remarks>
    public IReadOnlyList<string> RemovedStructures { get; init; } = [];
}
