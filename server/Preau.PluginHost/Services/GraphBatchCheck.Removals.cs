namespace Preau.PluginHost.Services;

// The batch's deletions of classes and groups (contract 1.3).
internal sealed partial class GraphBatchCheck
{
    /// <summary>Each code must name a stored class or group that the batch does not also write, and
    /// no group of the batch may draw on it. Relations naming it are refused by <c>Structure</c>.</summary>
    private void CheckRemovals()
    {
        var written = _batch.Structures.Where(s => !string.IsNullOrWhiteSpace(s?.Code)).Select(s => s.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var code in _batch.RemovedStructures ?? [])
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                Error("a class or group to delete has no code");
                continue;
            }

            if (_graph.FindStructure(code) is not { } stored)
            {
                Error($"class or group to delete '{code}': there is none");
            }
            else if (written.Contains(code))
            {
                Error($"class or group {stored.Code} is both written and deleted by the batch");
            }
            else
            {
                _removed[code] = stored.Code;
            }
        }

        foreach (var group in _batch.Structures.Where(s => !string.IsNullOrWhiteSpace(s?.Code)))
        {
            foreach (var classCode in (group.ClassCodes ?? []).Where(_removed.ContainsKey))
            {
                Error($"group {group.Code}: draws on class '{classCode}', which the batch deletes");
            }
        }
    }
}
