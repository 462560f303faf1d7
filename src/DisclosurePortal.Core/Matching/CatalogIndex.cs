using System.Collections.Concurrent;
using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Core.Tables;

namespace DisclosurePortal.Core.Matching;

/// <summary>
/// The matching engine: an index of the catalog's recordings, compositions and releases, built once per catalog
/// version from streamed entries, then asked for the candidates of each listed work. Immutable once built and
/// safe for any number of threads matching at once.
/// </summary>
public sealed class CatalogIndex
{
    private const int MaxLinked = 32;
    private const int BuildChunk = 8192;

    private readonly WordVocabulary vocabulary;
    private readonly EntrySet recordings;
    private readonly EntrySet compositions;
    private readonly EntrySet releases;
    private readonly CandidateSearch search;
    private readonly Func<string[], string[]> known;
    private readonly ConcurrentBag<SearchScratch> scratches = [];

    private CatalogIndex(WordVocabulary vocabulary, EntrySet recordings, EntrySet compositions, EntrySet releases, MatchOptions options)
    {
        this.vocabulary = vocabulary;
        this.recordings = recordings;
        this.compositions = compositions;
        this.releases = releases;
        Options = options;
        search = new CandidateSearch(vocabulary, options);
        known = Known;
    }

    public MatchOptions Options { get; }

    public int RecordingCount => recordings.Count;

    public int CompositionCount => compositions.Count;

    public int ReleaseCount => releases.Count;

    /// <summary>Distinct words in the catalog.</summary>
    public int WordCount => vocabulary.Count;

    /// <summary>
    /// Builds the index, reading each sequence once. Compositions and releases are read first, so recordings can
    /// name theirs by <see cref="RecordingEntry.CompositionId"/> and <see cref="RecordingEntry.ReleaseId"/>.
    /// </summary>
    public static CatalogIndex Build(
        IEnumerable<RecordingEntry> recordings,
        IEnumerable<CompositionEntry>? compositions = null,
        IEnumerable<ReleaseEntry>? releases = null,
        MatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(recordings);
        var vocabulary = new WordVocabulary();

        // Each sequence is read a chunk ahead on another thread; an entry's words are read on every core, then
        // interned and indexed in order (the vocabulary and the postings are built by one thread).
        var compositionSet = new EntrySetBuilder(vocabulary);
        var compositionAt = new Dictionary<long, int>();
        foreach (var chunk in ReadAhead.Chunks(compositions ?? [], BuildChunk))
        {
            var read = EachInParallel(chunk, c => IndexedEntry.CompositionOf(c, Unchanged));
            for (var i = 0; i < chunk.Length; i++)
            {
                compositionAt.TryAdd(chunk[i].Id, compositionSet.Count);
                compositionSet.Add(read[i].Interned(compositionSet.Intern));
            }
        }

        var releaseSet = new EntrySetBuilder(vocabulary);
        var releaseAt = new Dictionary<long, int>();
        var albums = new List<string[]>();
        foreach (var chunk in ReadAhead.Chunks(releases ?? [], BuildChunk))
        {
            // An album's words keep their version words, unlike the release's title.
            var read = EachInParallel(chunk, r => (Entry: IndexedEntry.ReleaseOf(r, Unchanged), Album: TextNormaliser.MatchWords(r.Title)));
            for (var i = 0; i < chunk.Length; i++)
            {
                releaseAt.TryAdd(chunk[i].Id, releaseSet.Count);
                releaseSet.Add(read[i].Entry.Interned(releaseSet.Intern));
                albums.Add(releaseSet.Intern(read[i].Album));
            }
        }

        var recordingSet = new EntrySetBuilder(vocabulary);
        foreach (var chunk in ReadAhead.Chunks(recordings, BuildChunk))
        {
            var read = EachInParallel(chunk, recording =>
            {
                var composition = recording.CompositionId is { } c && compositionAt.TryGetValue(c, out var cp) ? cp : -1;
                var release = recording.ReleaseId is { } r && releaseAt.TryGetValue(r, out var rp) ? rp : -1;
                return IndexedEntry.Recording(recording, Unchanged, composition, release, release >= 0 ? albums[release] : []);
            });
            foreach (var entry in read)
            {
                recordingSet.Add(entry.Interned(recordingSet.Intern));
            }
        }

        vocabulary.Freeze();
        return new CatalogIndex(vocabulary, recordingSet.Build(), compositionSet.Build(), releaseSet.Build(), options ?? MatchOptions.Default);
    }

    /// <summary>The candidates for one listed work. Never throws for bad row content: such rows get no candidate and a reason.</summary>
    public WorkMatch Match(ListedWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!scratches.TryTake(out var scratch))
        {
            scratch = new SearchScratch();
        }

        try
        {
            return new WorkRanking(this, work, scratch).Rank();
        }
        finally
        {
            scratches.Add(scratch);
        }
    }

    /// <summary>Scores one listed work against one recording alone, as in labelled-pair benchmarks (no index, no margin).</summary>
    public static CatalogCandidate ScorePair(ListedWork work, RecordingEntry recording)
    {
        var entry = IndexedEntry.Recording(recording, Unchanged, -1, -1, []);
        var prepared = PreparedWork.From(work, Unchanged);
        var reasons = new List<string>();
        var scored = CandidateScorer.Score(prepared, entry, 0, 0, reasons);
        var tier = scored.IdentifierEqual ? MatchTier.Exact
            : scored.Score >= MatchThresholds.Default.High ? MatchTier.High
            : scored.Score >= MatchThresholds.Default.Possible ? MatchTier.Possible : MatchTier.None;
        return new CatalogCandidate(CatalogKind.Recordings, recording.Id, tier, scored.Score, reasons);
    }

    private static string[] Unchanged(string[] words) => words;

    private static TResult[] EachInParallel<T, TResult>(T[] items, Func<T, TResult> read)
    {
        var results = new TResult[items.Length];
        Parallel.For(0, items.Length, i => results[i] = read(items[i]));
        return results;
    }

    // Listed words that the catalog has are swapped for its instances, so comparisons are mostly reference checks.
    private string[] Known(string[] words)
    {
        for (var i = 0; i < words.Length; i++)
        {
            var id = vocabulary.Find(words[i]);
            if (id >= 0)
            {
                words[i] = vocabulary[id];
            }
        }

        return words;
    }

    /// <summary>One row's way through the index: prepare, gather candidates, score, rank, tier.</summary>
    private sealed class WorkRanking(CatalogIndex index, ListedWork listed, SearchScratch scratch)
    {
        private readonly List<string> warnings = [];

        // Compositions or releases reached through matching recordings: their position → those recordings'.
        private readonly Dictionary<int, List<int>> reachedThrough = [];

        public WorkMatch Rank()
        {
            var target = listed.Asset switch
            {
                AssetKind.Lyrics => CatalogKind.Compositions,
                AssetKind.Artwork => CatalogKind.Releases,
                _ => CatalogKind.Recordings,
            };

            // Artwork belongs to a release: its title is the album's when the row gives one.
            var work = PreparedWork.From(
                target == CatalogKind.Releases && !string.IsNullOrWhiteSpace(listed.Album) ? listed with { Title = listed.Album, Album = null } : listed,
                index.known);
            warnings.AddRange(work.Warnings);
            scratch.Memo.Clear();
            if (!work.HasText && work.Isrc == 0 && work.Iswc == 0 && work.Upc == 0)
            {
                return None("no title and no valid identifier");
            }

            var set = target switch
            {
                CatalogKind.Compositions => index.compositions,
                CatalogKind.Releases => index.releases,
                _ => index.recordings,
            };
            if (set.Count == 0)
            {
                return None($"the catalog has no {target.ToString().ToLowerInvariant()}");
            }

            if (target == CatalogKind.Recordings && Decisive(work) is { } decisive)
            {
                return Tiered(work, set, [decisive]);
            }

            var positions = Gather(work, target);
            var scored = new List<(int Position, Scored Score)>(positions.Count);
            foreach (var position in positions)
            {
                scored.Add((position, Score(work, set.Entries[position], null)));
            }

            scored.Sort((a, b) => b.Score.IdentifierEqual != a.Score.IdentifierEqual ? (b.Score.IdentifierEqual ? 1 : -1) : b.Score.Score.CompareTo(a.Score.Score));
            return Tiered(work, set, scored);
        }

        // A valid ISRC of a recording whose title and artist are the row's too settles the row: nothing found
        // by its words could be ranked above it, so the search is not run (nearly half of a typical list).
        private (int Position, Scored Score)? Decisive(PreparedWork work)
        {
            if (work.Isrc == 0)
            {
                return null;
            }

            foreach (var position in index.recordings.Terms.Find(Term.Code(work.Isrc)))
            {
                var entry = index.recordings.Entries[position];
                if (entry.Code == work.Isrc && Score(work, entry, null) is { IdentifierEqual: true, NamesEqual: true } score)
                {
                    return (position, score);
                }
            }

            return null;
        }

        private HashSet<int> Gather(PreparedWork work, CatalogKind target)
        {
            var positions = new HashSet<int>();
            var found = scratch.Found;
            found.Clear();
            var set = target switch { CatalogKind.Compositions => index.compositions, CatalogKind.Releases => index.releases, _ => index.recordings };
            index.search.Find(set, work, scratch, found);
            positions.UnionWith(found);

            var code = target switch { CatalogKind.Compositions => work.Iswc, CatalogKind.Releases => work.Upc, _ => work.Isrc };
            var hits = 0;
            if (code != 0)
            {
                foreach (var position in set.Terms.Find(Term.Code(code)))
                {
                    hits += set.Entries[position].Code == code && positions.Add(position) ? 1 : 0;
                }

                if (hits == 0 && set.Terms.Find(Term.Code(code)).IsEmpty)
                {
                    warnings.Add($"{(target == CatalogKind.Recordings ? "ISRC" : target == CatalogKind.Compositions ? "ISWC" : "UPC/EAN")} is not in the catalog");
                }
            }

            if (target == CatalogKind.Recordings)
            {
                // A listed ISWC or UPC/EAN brings the recordings of that work or release.
                AddLinked(positions, index.compositions, work.Iswc, Term.Composition);
                AddLinked(positions, index.releases, work.Upc, Term.Release);
            }
            else
            {
                // A lyric or an artwork is found through the recordings it belongs to, too.
                found.Clear();
                index.search.Find(index.recordings, work, scratch, found);
                foreach (var position in found.Take(8))
                {
                    var recording = index.recordings.Entries[position];
                    var linked = target == CatalogKind.Compositions ? recording.Composition : recording.Release;
                    if (linked >= 0)
                    {
                        positions.Add(linked);
                        (reachedThrough.TryGetValue(linked, out var through) ? through : reachedThrough[linked] = []).Add(position);
                    }
                }
            }

            return positions;
        }

        private void AddLinked(HashSet<int> positions, EntrySet owners, long code, int linkTag)
        {
            if (code == 0)
            {
                return;
            }

            foreach (var owner in owners.Terms.Find(Term.Code(code)))
            {
                if (owners.Entries[owner].Code != code)
                {
                    continue;
                }

                var linked = index.recordings.Terms.Find(Term.Link(linkTag, owner));
                foreach (var position in linked[..Math.Min(linked.Length, MaxLinked)])
                {
                    positions.Add(position);
                }
            }
        }

        private Scored Score(PreparedWork work, IndexedEntry entry, List<string>? reasons)
        {
            var iswc = entry.Composition >= 0 ? index.compositions.Entries[entry.Composition].Code : 0;
            var upc = entry.Release >= 0 ? index.releases.Entries[entry.Release].Code : 0;
            var direct = reasons is null ? null : new List<string>();
            var scored = CandidateScorer.Score(work, entry, iswc, upc, direct, scratch.Memo);
            if (entry.Kind != CatalogKind.Recordings && BestRecordingOf(work, entry) is { } recording)
            {
                // A lyric is the work of the recording the row names; artwork the release it is on.
                var through = reasons is null ? null : new List<string>();
                var viaRecording = Score(work, recording, through);
                if (viaRecording.Score > scored.Score)
                {
                    reasons?.Add($"through its recording {Described(recording)}");
                    reasons?.AddRange(through!);
                    return viaRecording with { IdentifierEqual = scored.IdentifierEqual };
                }
            }

            reasons?.AddRange(direct!);
            return scored;
        }

        private IndexedEntry? BestRecordingOf(PreparedWork work, IndexedEntry entry)
        {
            var set = entry.Kind == CatalogKind.Compositions ? index.compositions : index.releases;
            foreach (var (position, recordings) in reachedThrough)
            {
                if (ReferenceEquals(set.Entries[position], entry))
                {
                    return recordings.Select(r => index.recordings.Entries[r]).MaxBy(r => Score(work, r, null).Score);
                }
            }

            return null;
        }

        private WorkMatch Tiered(PreparedWork work, EntrySet set, List<(int Position, Scored Score)> scored)
        {
            var thresholds = index.Options.Thresholds;
            var candidates = new List<CatalogCandidate>();
            for (var i = 0; i < scored.Count && candidates.Count < index.Options.MaxCandidates; i++)
            {
                var (position, score) = scored[i];
                var entry = set.Entries[position];
                if (score.Distrusted)
                {
                    warnings.Add($"{IdentifierName(entry.Kind)} belongs to {Described(entry)}, whose title and artist differ — not trusted");
                }

                var tier = score.IdentifierEqual ? MatchTier.Exact
                    : score.Score < thresholds.Possible ? MatchTier.None
                    : i == 0 && score.Score >= thresholds.High && score.Corroborated && ClearlyAhead(scored, thresholds) ? MatchTier.High
                    : MatchTier.Possible;
                if (tier == MatchTier.None)
                {
                    continue;
                }

                var reasons = new List<string>();
                Score(work, entry, reasons);
                if (tier == MatchTier.Possible && i == 0 && score.Score >= thresholds.High)
                {
                    reasons.Add(score.Corroborated ? "another candidate scores nearly as well" : "only the title supports it");
                }

                candidates.Add(new CatalogCandidate(entry.Kind, entry.Id, tier, Math.Round(score.Score, 4), reasons));
            }

            if (candidates.Count > 0)
            {
                return new WorkMatch(candidates, null, warnings);
            }

            if (scored.Count == 0)
            {
                return None("no catalog entry shares its words or identifiers");
            }

            var closest = set.Entries[scored[0].Position];
            var why = new List<string>();
            Score(work, closest, why);
            return None($"nothing close enough: the nearest, {Described(closest)}, scored {scored[0].Score.Score:0.00} ({string.Join("; ", why)})");
        }

        // Title and artist both equal beat a runner-up where one of them is only similar ("Paper Lights" by its
        // artist over "Paper Lights Forever" by the same artist), whatever the margin.
        private static bool ClearlyAhead(List<(int Position, Scored Score)> scored, MatchThresholds thresholds) =>
            scored.Count < 2
            || scored[1].Score.Evidence <= scored[0].Score.Evidence - thresholds.Margin
            || (scored[0].Score.NamesEqual && !scored[1].Score.NamesEqual);

        // Reasons are read by reviewers and respondents: name an entry by its words, not by a database id.
        private static string Described(IndexedEntry entry) =>
            entry.Artist.Length == 0 ? $"“{string.Join(' ', entry.Title.Words)}”" : $"“{string.Join(' ', entry.Title.Words)}” by {string.Join(' ', entry.Artist)}";

        private static string IdentifierName(CatalogKind kind) => kind switch
        {
            CatalogKind.Compositions => "ISWC",
            CatalogKind.Releases => "UPC/EAN",
            _ => "ISRC",
        };

        private WorkMatch None(string reason) => new([], reason, warnings);
    }
}
