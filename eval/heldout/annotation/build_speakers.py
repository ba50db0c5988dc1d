"""Build wikinews_speakers.jsonl (without the texts) from the hand-written specs in specs/ (run: python build_speakers.py [wn_NN.txt ...] to print the named articles for checking)."""
import importlib, json, sys, glob, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib import build, show
from paths import HELDOUT, SPEAKERS_GOLD
sys.path.insert(0, str(HELDOUT))
from assemble import speakers_without_texts, write_jsonl
recs=[]
for f in sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'specs', 'a*.py'))):
    mod=importlib.import_module('specs.'+os.path.basename(f)[:-3])
    for a in mod.ARTS:
        rec=build(a); recs.append(rec)
        if len(sys.argv)<2 or a['file'] in sys.argv[1:]:
            print(a['file'],a['y'],a['i'],rec['source']['title'][:60]); show(rec)
recs.sort(key=lambda r:r['file'])
write_jsonl(SPEAKERS_GOLD, speakers_without_texts(recs))  # the texts stay in ../shared
from collections import Counter
c=Counter(q['kind'] for r in recs for q in r['quotes'])
print(len(recs),'articles',dict(c),'unnamed stmts',sum(1 for r in recs for q in r['quotes'] if q['kind']=='statement' and q['speaker'] is None))
