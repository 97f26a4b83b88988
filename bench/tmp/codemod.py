import re,os,subprocess
idx=open('types/index.ts').read()
mod_of={}
for m in re.finditer(r"import \{([^}]*)\} from '\./([\w-]+)'", idx):
    for n in m.group(1).split(','):
        n=n.strip()
        if n: mod_of[n]=m.group(2)
files=subprocess.check_output("grep -rlE '\\bapi\\.[a-zA-Z]+' src --include=*.ts --include=*.tsx | grep -v '\\.test\\.'",shell=True,text=True).split()
for f in files:
    if f in ('src/api/outbox.ts','src/api/upload.ts'): continue
    s=open(f).read()
    names=sorted(set(re.findall(r"\bapi\.([a-zA-Z]+)\b", s)))
    if not names: continue
    bymod={}
    for n in names:
        if n not in mod_of: raise Exception(f+': unknown '+n)
        # collision: identifier used other than api.n
        stripped=re.sub(r"\bapi\."+n+r"\b","",s)
        if re.search(r"(?<![.\w'])"+n+r"\b", stripped):
            bymod.setdefault(mod_of[n],[]).append(n+' as '+n+'Endpoint')
            s=re.sub(r"\bapi\."+n+r"\b", n+'Endpoint', s)
        else:
            bymod.setdefault(mod_of[n],[]).append(n)
    s=re.sub(r"\bapi\.([a-zA-Z]+)\b", r"\1", s)
    # drop api from imports of '@/api' or '@contract' or '.'
    def fix(m):
        inner=[x.strip() for x in m.group(1).split(',') if x.strip() and x.strip()!='api']
        if not inner: return ''
        return "import { %s } from '%s'"%(', '.join(inner), m.group(2))
    s=re.sub(r"import \{([^}]*)\} from '(@/api|@contract|\.|\./index)'", fix, s)
    s=re.sub(r"\n\n\n", "\n\n", s)
    lines="".join("import { %s } from '@contract/%s'\n"%(', '.join(v),k) for k,v in sorted(bymod.items()))
    # insert after the last import statement
    ls=s.split('\n'); last=0; i=0
    while i < len(ls):
        if ls[i].startswith('import '):
            j=i
            while not re.search(r"(from )?'[^']+'\s*$", ls[j]): j+=1
            last=sum(len(x)+1 for x in ls[:j+1]); i=j+1
        else: i+=1
    s=s[:last]+lines+s[last:]
    s=s.replace("\n\nimport {","\nimport {") if s.startswith("\n") else s
    open(f,'w').write(s)
    print(f, bymod)
