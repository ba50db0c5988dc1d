"""List quotation-marked passages of a text (marks only; pairing checked by hand)."""
import re
DQ='"“”'
def marks(text):
    out=[]
    for i,c in enumerate(text):
        prev=text[i-1] if i else ' '
        nxt=text[i+1] if i+1<len(text) else ' '
        if c in DQ:
            out.append((i,c,'d'))
        elif c in "'‘’":
            # apostrophe between letters, or after s/letter followed by space (possessive) -> skip heuristically
            if prev.isalnum() and nxt.isalnum(): continue
            if c=='‘' or (c=="'" and (prev.isspace() or prev in '(["“—-') and not nxt.isspace()):
                out.append((i,c,'so'))
            elif (not prev.isspace()) and (nxt.isspace() or nxt in '.,;:!?)"”—-'):
                if prev in 'sS' and c in "'’" and nxt==' ': out.append((i,c,'sc?'))
                else: out.append((i,c,'sc'))
    return out
def passages(text):
    """pair marks per paragraph: double quotes toggle; straight/curly; singles inside."""
    res=[]
    ms=marks(text)
    paras=[(m.start(),m.end()) for m in re.finditer(r'[^\n]+(?:\n(?!\n)[^\n]*)*',text)]
    for ps,pe in paras:
        pm=[m for m in ms if ps<=m[0]<pe]
        open_d=None; open_s=None
        for i,c,t in pm:
            if t=='d':
                opening = (c=='“') or (c=='"' and open_d is None)
                if c=='”': opening=False
                if opening:
                    if open_d is not None: res.append((open_d,None,'unclosed-d'))
                    open_d=i+1
                else:
                    if open_d is None: res.append((None,i,'stray-close-d'))
                    else: res.append((open_d,i,'d')); open_d=None
            elif t=='so':
                if open_s is not None: res.append((open_s,None,'unclosed-s'))
                open_s=i+1
            else:
                if open_s is not None: res.append((open_s,i,'s')); open_s=None
                elif t=='sc': res.append((None,i,'stray-close-s'))
        if open_d is not None: res.append((open_d,None,'unclosed-d(para end)'))
        if open_s is not None: res.append((open_s,None,'unclosed-s(para end)'))
    res.sort(key=lambda r:(r[0] if r[0] is not None else r[1]))
    return res
if __name__=='__main__':
    import sys
    from load import rows
    y,i=sys.argv[1],int(sys.argv[2])
    t=rows(y)[i]['text']
    for n,(s,e,k) in enumerate(passages(t)):
        if s is not None and e is not None:
            q=t[s:e]; q=q if len(q)<110 else q[:60]+' … '+q[-40:]
            print(n,s,e,k,repr(q))
        else:
            print(n,s,e,k,'!!',repr(t[(s or e)-30:(s or e)+30]))
