namespace Preau.Plugins.Graph;

/// <summary>Writes the establishment graph (directory feeds: SIECLE, STSweb, timetable imports).</summary>
public interface IGraphWriter
{
    /// <summary>Checks the whole batch, then writes it in one transaction: all or nothing. Logins must
    /// be valid and not taken by another account; every relation must name accounts, classes,
    /// subjects and rubriques that exist in the batch or in the graph, with the right profiles (a
    /// membership's pupil is an Élève, a teaching's teacher is staff…). Classes and groups named in
    /// <see cref="GraphBatch.RemovedStructures"/> (contract 1.3) are deleted in the same transaction.
    /// The change is audited and the sending policy sees it at once.</summary>
    /// <exception cref="GraphBatchException">The batch has problems; nothing was written.</exception>
    GraphBatchResult Apply(GraphBatch batch);
}
