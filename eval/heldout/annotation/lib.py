"""Offsets from hand-written specs: passages found by their quote marks (qenum.py), speaker mentions by a context string nearest the quote."""
import hashlib, json, re, sys
from load import rows
from qenum import passages
OPEN='"“‘\''
CLOSE='"”’\''
KIND={'s':'statement','n':'nonstatement','x':'neutral'}
_cache={}
def row(y,i):
    if y not in _cache: _cache[y]=rows(y)
    return _cache[y][i]

def find_mention(text, ctx, mention, qstart, qend):
    occ=[m.start() for m in re.finditer(re.escape(ctx), text)]
    assert occ, f'ctx not found: {ctx!r}'
    off=ctx.find(mention); assert off>=0, (ctx, mention)
    # nearest occurrence to the quote
    def dist(o):
        a,b=o+off,o+off+len(mention)
        if b<=qstart: return qstart-b
        if a>=qend: return a-qend
        return 0
    o=min(occ,key=dist)
    return o+off, o+off+len(mention)

def build(art):
    y,i=art['y'],art['i']; r=row(y,i); text=r['text']
    ps=passages(text)
    used=set(); quotes=[]
    for e in art['q']:
        n,k,spk=e[0],e[1],e[2]
        rest=e[3:]
        opts={}
        if rest and isinstance(rest[-1],dict): opts=rest[-1]; rest=rest[:-1]
        if isinstance(n,tuple):   # manual span: (start_ctx_after_mark, end_ctx_before_mark, occurrence)
            a,b=n[0],n[1]; s=text.index(a, n[2] if len(n)>2 else 0); en=text.index(b,s)+len(b)
        else:
            assert n not in used, (art['file'], n); used.add(n)
            s,en,_=ps[n]
            if 'end' in opts: en=text.index(opts['end'],s)+len(opts['end'])
            assert s is not None and en is not None, (art['file'],n,ps[n])
        q={'start':s,'end':en,'kind':KIND[k]}
        if spk is None:
            q.update(speaker=None,speaker_forms=[])
        else:
            name,forms=art['S'][spk]; q.update(speaker=name,speaker_forms=forms)
        if rest:
            ctx,men=rest[0],rest[1]
            ms,me=find_mention(text,ctx,men,s,en); q.update(speaker_start=ms,speaker_end=me)
        else:
            q.update(speaker_start=None,speaker_end=None)
        if 'note' in opts: q['note']=opts['note']
        quotes.append(q)
    skipped=art.get('skip',{})
    for n in range(len(ps)):
        if n not in used and n not in skipped:
            raise SystemExit(f"{art['file']}: passage {n} not annotated: {ps[n]} {text[(ps[n][0] or ps[n][1])-20:(ps[n][0] or ps[n][1])+40]!r}")
    quotes.sort(key=lambda q:(q['start'],-q['end']))
    return {'file':art['file'],
            'source':{'corpus':'Wikinews (github.com/vanatteveldt/wikinews), via ../shared/corpus/wikinews',
                      'path':f'corpus/wikinews/wikinews_{y}.csv','row':i,'field':'text',
                      'url':r['url'],'title':r['title'],'date':r['date'],
                      'licence':'CC BY 2.5 (https://creativecommons.org/licenses/by/2.5/), Wikinews contributors',
                      'transform':'the text column of the 0-based data row (header excluded) read with csv.DictReader; unchanged'},
            'sha256':hashlib.sha256(text.encode('utf-8')).hexdigest(),'text':text,'quotes':quotes}

def show(rec):
    t=rec['text']
    for q in rec['quotes']:
        s,e=q['start'],q['end']
        qq=t[s:e]; qq=qq if len(qq)<70 else qq[:35]+'…'+qq[-25:]
        m=''
        if q['speaker_start'] is not None:
            ms,me=q['speaker_start'],q['speaker_end']
            m=t[max(0,ms-15):ms]+'['+t[ms:me]+']'+t[me:me+15]
        print(f"  {s:5d} {q['kind'][:4]} {t[s-1]}{qq}{t[e] if e<len(t) else '$'} -> {q['speaker']} | {m!r}")
