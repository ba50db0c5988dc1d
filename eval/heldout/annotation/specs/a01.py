ARTS=[]
ARTS.append(dict(file='wn_01.txt', y='2019', i=6, S={
 'trump':('Donald Trump',['Donald Trump','Trump','President Trump','President Donald Trump','United States President Donald Trump']),
 'pence':('Mike Pence',['Mike Pence','Pence']),
 'pelosi':('Nancy Pelosi',['Nancy Pelosi','Pelosi']),
 'schumer':('Chuck Schumer',['Chuck Schumer','Schumer']),
 'schiff':('Adam Schiff',['Adam Schiff','Schiff','Represenative Adam Schiff']),
 'durbin':('Dick Durbin',['Dick Durbin','Durbin']),
}, q=[
 (0,'s','trump','Trump said on Friday "I can','Trump'),
 (1,'s','trump','He also said, "I never','He'),
 (2,'s','pence','Mike Pence, said on Friday','Mike Pence'),
 (3,'s','pelosi','Nancy Pelosi, the Speaker','Nancy Pelosi'),
 (4,'s','schumer','Chuck Schumer, said on Friday','Chuck Schumer'),
 (5,'s','schumer','Chuck Schumer, said on Friday','Chuck Schumer',{'note':'second part of the same attribution ("and")'}),
 (6,'s','schiff','Schiff called it','Schiff'),
 (7,'s','durbin','Durbin said "I can','Durbin'),
 (8,'s','trump','President Trump claims','President Trump',{'note':'one-word partial quote'}),
]))
ARTS.append(dict(file='wn_02.txt', y='2019', i=26, S={
 'spear':('Patricia Ann Spearman',['Patricia Ann Spearman','Spearman','Patricia Spearman','State Senator Patricia Ann Spearman']),
 'torres':('Selena Torres',['Selena Torres','Torres']),
 'ditt':('Kelly Dittmar',['Kelly Dittmar','Dittmar']),
 'tolles':('Jill Tolles',['Jill Tolles','Tolles']),
}, q=[
 (0,'s','spear','State Senator Patricia Ann Spearman remarked','Patricia Ann Spearman'),
 (1,'s','spear','State Senator Patricia Ann Spearman remarked','Patricia Ann Spearman',{'note':'"further remarking": same attribution'}),
 (2,'n',None,{'note':'figurative words put in the mouths of "Women in Nevada" (what their votes said), nested in Spearman\'s quote; nobody said them as such'}),
 (3,'s','torres','Assemblywoman Selena Torres said','Selena Torres'),
 (4,'s','ditt','political scholar Kelly Dittmar','Kelly Dittmar'),
 (5,'s','ditt','Dittmar went on to add','Dittmar'),
 (6,'s','tolles','Jill Tolles, also commented','Jill Tolles'),
 (7,'s','tolles','I did look','I',{'note':'nested: her own thought at the time (reported thought she held)'}),
]))
