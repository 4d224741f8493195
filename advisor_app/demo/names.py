"""Name pools for synthetic people: common surnames and given-name characters by sex."""

from __future__ import annotations

# Most common surnames, most frequent first (weights fall off with rank).
SURNAMES = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤"
)
MALE_CHARS = list("伟强军明杰涛斌勇磊超刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳峰建国志文海东晨新永德成学云")
FEMALE_CHARS = list("芳娜敏静丽艳娟霞秀英华慧玲桂兰梅琳燕红萍雪琴晶妍茜倩婷颖洁佳欣悦月彤晓芬珍凤翠云")
# Given names of people born long ago favour different characters.
OLD_MALE_CHARS = list("德福贵荣富庆全友根发财宝山家广金有玉生长春才连义忠孝")
OLD_FEMALE_CHARS = list("秀兰英凤桂珍翠花梅玉芝淑素琴菊莲香巧")
